package org.civicassist.assistant.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code assistant.staff.*}.
 *
 * @param eventsTicketTtl   how long a single-use events ticket ({@code GET /api/v1/staff/events?token=}) is valid
 * @param maxLoginFailures  failed logins of one username within {@code loginFailureWindow} before further attempts
 *                          are refused (429) until the window passes
 * @param loginFailureWindow see {@code maxLoginFailures}
 * @param auditCapacity     audit entries kept at most (the oldest are dropped; how long they are kept:
 *                          {@code assistant.retention.audit}); a login lasts {@code assistant.retention.staff-sessions}
 * @param bootstrap         the first administrator
 */
@ConfigurationProperties("assistant.staff")
public record StaffProperties(@DefaultValue("60s") Duration eventsTicketTtl,
                              @DefaultValue("5") int maxLoginFailures,
                              @DefaultValue("15m") Duration loginFailureWindow,
                              @DefaultValue("100000") int auditCapacity,
                              @DefaultValue Bootstrap bootstrap) {

    /**
     * {@code --assistant.staff.bootstrap.username=U --assistant.staff.bootstrap.password=P} creates the administrator
     * U if no account of that name exists. Without them, if there is no account at all, an administrator
     * {@code admin} is created with a random password that is logged once.
     */
    public record Bootstrap(String username, String password, String displayName) {
    }
}
