package org.civicassist.assistant.security;

import org.civicassist.assistant.conversation.ConversationTokens;
import org.civicassist.assistant.conversation.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.List;

/**
 * The first administrator, at startup. With {@code assistant.staff.bootstrap.username} and {@code .password} the
 * account is created unless it exists (an existing account is left as it is). Without them, and only when there is
 * no account at all, an administrator {@code admin} is created with a random password that is logged once: there is
 * no default password.
 */
public final class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);
    static final String GENERATED_USERNAME = "admin";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final StaffAccounts accounts;
    private final AccountService service;
    private final StaffProperties.Bootstrap bootstrap;

    public BootstrapAdministrator(StaffAccounts accounts, AccountService service,
                                  StaffProperties.Bootstrap bootstrap) {
        this.accounts = accounts;
        this.service = service;
        this.bootstrap = bootstrap;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean named = bootstrap.username() != null && !bootstrap.username().isBlank();
        boolean withPassword = bootstrap.password() != null && !bootstrap.password().isEmpty();
        if (named != withPassword) {
            throw new IllegalStateException("set both assistant.staff.bootstrap.username and "
                    + "assistant.staff.bootstrap.password, or neither");
        }
        if (named) {
            String problem = AccountService.passwordProblem(bootstrap.password());
            if (problem != null) {
                throw new IllegalStateException("assistant.staff.bootstrap.password: " + problem);
            }
        }
        try {
            ensureAdministrator(named);
        } catch (StoreUnavailableException e) {
            // the application still starts (readiness says the store is down); the account follows when it is up
            log.warn("The staff administrator cannot be checked while the store is unavailable; retrying");
            Mono.fromRunnable(() -> ensureAdministrator(named))
                    .subscribeOn(Schedulers.boundedElastic())
                    .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, RETRY)
                            .filter(StoreUnavailableException.class::isInstance))
                    .subscribe(done -> { }, failure -> log.error("The staff administrator could not be created: {}",
                            failure.toString()));
        }
    }

    private void ensureAdministrator(boolean named) {
        if (named) {
            String username = bootstrap.username().strip();
            if (accounts.find(username).blockOptional(TIMEOUT).isPresent()) {
                log.info("Staff administrator '{}' exists; left unchanged", username);
                return;
            }
            create(username, bootstrap.password());
            log.info("Created staff administrator '{}'", username);
            return;
        }
        if (!accounts.all().blockOptional(TIMEOUT).orElse(List.of()).isEmpty()) {
            return;
        }
        String password = ConversationTokens.newToken().substring(0, 20);
        if (create(GENERATED_USERNAME, password)) {
            // the one time this password is shown; set the bootstrap properties to choose one instead
            log.warn("Created staff administrator '{}' with the generated password: {}  (shown once; start with "
                    + "--assistant.staff.bootstrap.username=U --assistant.staff.bootstrap.password=P to choose one)",
                    GENERATED_USERNAME, password);
        }
    }

    /** False when another instance created it first. */
    private boolean create(String username, String password) {
        try {
            service.create("system", username, password, List.of("ADMIN", "STAFF"), bootstrap.displayName())
                    .block(TIMEOUT);
            return true;
        } catch (org.civicassist.assistant.web.ApiException e) {
            if (e.code().equals("account-exists")) {
                return false;
            }
            throw new IllegalStateException("cannot create the staff administrator: " + e.detailEn());
        }
    }
}
