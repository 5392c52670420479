package org.civicassist.assistant.config;

import org.civicassist.assistant.security.StaffAuthenticationManager;
import org.civicassist.assistant.security.SecurityHeaders;
import org.civicassist.assistant.security.StaffSessions;
import org.civicassist.assistant.security.StaffTokenConverter;
import org.civicassist.assistant.web.ApiException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Who may call what. Citizen endpoints stay open (each conversation is guarded by its own token); every
 * {@code /api/v1/staff/**} endpoint except login needs a staff bearer token (role STAFF or ADMIN), and accounts and
 * the audit log need ADMIN; the maintainers' console ({@code /api/v1/staff/maintain/**} and the review of suggested
 * similar questions) needs ADMIN or MAINTAINER, and a MAINTAINER may otherwise only see who they are, log out and search the
 * knowledge base. The
 * maintainers' analytics under {@code /api/v1/admin/**} keep their own API key
 * ({@code X-Admin-Key}, {@link org.civicassist.assistant.admin.AdminApiKeyFilter}). No sessions, no cookies, hence
 * no CSRF token: staff authenticate each request with the {@code Authorization} header. Refusals are problem+json
 * like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    static final String STAFF_API = "/api/v1/staff/**";
    /** The maintainers' console API: administrators and maintainers. */
    static final String MAINTAIN_API = "/api/v1/staff/maintain/**";

    /** An evaluation report.html, opened with a ticket ({@code org.civicassist.assistant.quality.ReportTickets}). */
    static final String QUALITY_REPORT = "/api/v1/staff/maintain/quality/runs/*/reports/*/report.html";

    @Bean
    StaffAuthenticationManager staffAuthenticationManager(StaffSessions sessions) {
        return new StaffAuthenticationManager(sessions);
    }

    @Bean
    SecurityHeaders securityHeaders() {
        return new SecurityHeaders();
    }

    /**
     * A request the security firewall refuses (an encoded slash or "..", a NUL, a non-printable character in the
     * path) is reported like every other bad request, as problem+json, instead of an empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler problemJsonRejectedHandler() {
        return (exchange, rejected) -> Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "request-rejected",
                "请求地址不合法。", "The request was rejected: its address is not valid."));
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, StaffAuthenticationManager manager) {
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(manager);
        bearer.setServerAuthenticationConverter(new StaffTokenConverter());
        bearer.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(STAFF_API));
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        bearer.setAuthenticationFailureHandler((exchange, e) -> Mono.error(new ApiException(HttpStatus.UNAUTHORIZED,
                "staff-token-invalid", "登录已过期或令牌无效，请重新登录。",
                "The staff token is not valid or has expired; log in again.")));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // the widget is embedded in other sites' pages: framing and caching are set per path instead
                .headers(headers -> headers.frameOptions(ServerHttpSecurity.HeaderSpec.FrameOptionsSpec::disable)
                        .cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .authorizeExchange(auth -> auth
                        .pathMatchers(HttpMethod.POST, "/api/v1/staff/login").permitAll()
                        // the console's frame cannot send the token: the report checks its link's ticket instead
                        .pathMatchers(HttpMethod.GET, QUALITY_REPORT).permitAll()
                        .pathMatchers("/api/v1/staff/accounts", "/api/v1/staff/accounts/**", "/api/v1/staff/audit")
                        .hasRole("ADMIN")
                        .pathMatchers("/api/v1/staff/kb/suggestions", "/api/v1/staff/kb/suggestions/**",
                                MAINTAIN_API)
                        .hasAnyRole("ADMIN", "MAINTAINER")
                        .pathMatchers(HttpMethod.DELETE, "/api/v1/staff/conversations/*").hasRole("ADMIN")
                        .pathMatchers("/api/v1/staff/me", "/api/v1/staff/logout", "/api/v1/staff/kb/search")
                        .hasAnyRole("STAFF", "ADMIN", "MAINTAINER")
                        .pathMatchers(STAFF_API).hasAnyRole("STAFF", "ADMIN")
                        .anyExchange().permitAll())
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> Mono.error(new ApiException(
                                HttpStatus.UNAUTHORIZED, "staff-token-missing",
                                "请先登录（Authorization: Bearer <token>）。",
                                "Log in first and send Authorization: Bearer <token>.")))
                        .accessDeniedHandler((exchange, e) -> Mono.error(new ApiException(HttpStatus.FORBIDDEN,
                                "staff-forbidden", "您的账号没有执行此操作的权限。",
                                "Your account may not do this."))))
                .build();
    }
}
