package org.civicassist.assistant.security;

import org.civicassist.assistant.audit.AuditEntry;
import org.civicassist.assistant.audit.AuditLog;
import org.civicassist.assistant.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Creates staff accounts (administrators only), checking the username and password rules. */
public class AccountService {

    /** BCrypt reads at most 72 bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_LENGTH = 10;

    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    public AccountService(StaffAccounts accounts, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param actor who creates it ({@code system} for the bootstrap administrator) */
    public Mono<StaffAccount> create(String actor, String username, String password, List<String> roleNames,
                                     String displayName) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!StaffAccount.isValidUsername(name)) {
            return Mono.error(ApiException.badInput("用户名须为 3-32 位小写字母、数字或 . _ -。",
                    "The username must be 3-32 characters of a-z, 0-9, '.', '_' or '-'."));
        }
        String problem = passwordProblem(password);
        if (problem != null) {
            return Mono.error(ApiException.badInput("密码须至少 " + MIN_PASSWORD_LENGTH + " 个字符，且不超过 "
                    + MAX_PASSWORD_BYTES + " 字节。", problem));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : roleNames == null || roleNames.isEmpty() ? List.of("STAFF") : roleNames) {
            try {
                roles.add(Role.valueOf(r.strip().toUpperCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                return Mono.error(ApiException.badInput("角色只能是 STAFF、MAINTAINER 或 ADMIN。",
                        "roles may be STAFF, MAINTAINER and ADMIN."));
            }
        }
        String shown = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (shown.length() > 32) {
            return Mono.error(ApiException.badInput("显示名称不能超过 32 个字符。",
                    "The display name must be at most 32 characters."));
        }
        return Mono.fromCallable(() -> encoder.encode(password))
                .subscribeOn(Schedulers.boundedElastic())
                .map(hash -> new StaffAccount(name, shown, hash, roles, clock.instant(), true))
                .flatMap(account -> accounts.create(account).flatMap(created -> created
                        ? audit.record(new AuditEntry(clock.instant(), actor, "account-create", name,
                        "roles=" + roles.stream().map(Role::name).sorted().toList()))
                        .thenReturn(account)
                        : Mono.error(new ApiException(HttpStatus.CONFLICT, "account-exists", "该用户名已存在。",
                        "An account with this username exists."))));
    }

    static String passwordProblem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            return "The password must have at least " + MIN_PASSWORD_LENGTH + " characters.";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return "The password must be at most " + MAX_PASSWORD_BYTES + " bytes long.";
        }
        return null;
    }
}
