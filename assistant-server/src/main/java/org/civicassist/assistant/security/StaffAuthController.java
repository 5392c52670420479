package org.civicassist.assistant.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.civicassist.assistant.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Staff login and accounts: {@code POST /api/v1/staff/login}, {@code POST /api/v1/staff/logout},
 * {@code GET /api/v1/staff/me}, and for administrators {@code POST|GET /api/v1/staff/accounts}.
 */
@RestController
public class StaffAuthController {

    public record LoginRequest(String username, String password) {
    }

    public record LoginResponse(String token, @JsonProperty("expires_at") String expiresAt, List<String> roles,
                                String username, @JsonProperty("display_name") String displayName) {
    }

    public record AccountRequest(String username, String password, List<String> roles,
                                 @JsonProperty("display_name") String displayName) {
    }

    public record AccountView(String username, @JsonProperty("display_name") String displayName, List<String> roles,
                              @JsonProperty("created_at") String createdAt, boolean enabled) {
        static AccountView of(StaffAccount a) {
            return new AccountView(a.username(), a.displayName(), StaffAuthController.roles(a.roles()),
                    a.createdAt().toString(),
                    a.enabled());
        }
    }

    public record Me(String username, @JsonProperty("display_name") String displayName, List<String> roles) {
    }

    private final LoginService logins;
    private final AccountService accountService;
    private final StaffAccounts accounts;
    private final StaffSessions sessions;

    public StaffAuthController(LoginService logins, AccountService accountService, StaffAccounts accounts,
                               StaffSessions sessions) {
        this.logins = logins;
        this.accountService = accountService;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @PostMapping(path = "/api/v1/staff/login", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<LoginResponse> login(@RequestBody(required = false) Mono<LoginRequest> body) {
        return body.switchIfEmpty(Mono.error(() -> ApiException.badInput("请求体不能为空。", "The request body is empty.")))
                .flatMap(r -> logins.login(r.username(), r.password()))
                .map(l -> new LoginResponse(l.token().token(), l.token().expiresAt().toString(),
                        roles(l.account().roles()), l.account().username(), l.account().displayName()));
    }

    @PostMapping(path = "/api/v1/staff/logout")
    public Mono<ResponseEntity<Void>> logout(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        return sessions.logout(authorization.substring("Bearer ".length()).strip())
                .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping(path = "/api/v1/staff/me", produces = MediaType.APPLICATION_JSON_VALUE)
    public Me me(@AuthenticationPrincipal StaffPrincipal me) {
        return new Me(me.username(), me.displayName(), roles(me.roles()));
    }

    @PostMapping(path = "/api/v1/staff/accounts", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<AccountView>> create(@AuthenticationPrincipal StaffPrincipal me,
                                                    @RequestBody(required = false) Mono<AccountRequest> body) {
        return body.switchIfEmpty(Mono.error(() -> ApiException.badInput("请求体不能为空。", "The request body is empty.")))
                .flatMap(r -> accountService.create(me.username(), r.username(), r.password(), r.roles(),
                        r.displayName()))
                .map(a -> ResponseEntity.status(HttpStatus.CREATED).body(AccountView.of(a)));
    }

    @GetMapping(path = "/api/v1/staff/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<AccountView>> accounts() {
        return accounts.all().map(all -> all.stream().map(AccountView::of).toList());
    }

    static List<String> roles(java.util.Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }
}
