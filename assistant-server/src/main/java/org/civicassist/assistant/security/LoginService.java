package org.civicassist.assistant.security;

import org.civicassist.assistant.audit.AuditEntry;
import org.civicassist.assistant.audit.AuditLog;
import org.civicassist.assistant.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staff login: checks the password against the account's BCrypt hash (off the event loop: it is deliberately slow),
 * issues a token, and audits the attempt. An unknown username costs the same as a wrong password, and after
 * {@code maxFailures} failures of one username within the window further attempts are refused until it passes (on
 * this instance).
 */
public class LoginService {

    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final String dummyHash;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginService(StaffAccounts accounts, StaffSessions sessions, PasswordEncoder encoder, AuditLog audit,
                        Clock clock, int maxFailures, Duration window) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.dummyHash = encoder.encode("not-a-password-of-anyone");
    }

    public record LoggedIn(StaffAccount account, StaffSessions.Issued token) {
    }

    public Mono<LoggedIn> login(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Mono.error(ApiException.badInput("请输入用户名和密码。", "Send a username and a password."));
        }
        String name = username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!StaffAccount.isValidUsername(name) || password.length() > 200) {
            return failed(name.length() > 32 ? name.substring(0, 32) : name);
        }
        if (tooManyFailures(name)) {
            return Mono.error(new ApiException(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                    "登录失败次数过多，请稍后再试。", "Too many failed logins; try again later."));
        }
        return accounts.find(name)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(account -> Mono.fromCallable(() -> encoder.matches(password,
                                account.map(StaffAccount::passwordHash).orElse(dummyHash))
                                && account.map(StaffAccount::enabled).orElse(false))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(ok -> ok ? succeeded(account.get()) : failed(name)));
    }

    private Mono<LoggedIn> succeeded(StaffAccount account) {
        failures.remove(account.username());
        return sessions.login(account)
                .flatMap(token -> audit.record(new AuditEntry(clock.instant(), account.username(), "login", null,
                        null)).thenReturn(new LoggedIn(account, token)));
    }

    private Mono<LoggedIn> failed(String name) {
        Instant now = clock.instant();
        Deque<Instant> times = failures.computeIfAbsent(name, n -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (times.size() > maxFailures + 1) {
                times.removeFirst();
            }
        }
        return audit.record(new AuditEntry(now, name.isEmpty() ? "-" : name, "login-failed", null, null))
                .then(Mono.error(new ApiException(HttpStatus.UNAUTHORIZED, "login-failed", "用户名或密码不正确。",
                        "The username or password is not correct.")));
    }

    private boolean tooManyFailures(String name) {
        Deque<Instant> times = failures.get(name);
        if (times == null) {
            return false;
        }
        Instant since = clock.instant().minus(window);
        synchronized (times) {
            times.removeIf(t -> t.isBefore(since));
            return times.size() >= maxFailures;
        }
    }
}
