package org.civicassist.assistant.handoff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Settings under {@code assistant.handoff.*}.
 *
 * @param officeHours      when staff answer; out of hours a handoff becomes a ticket
 * @param heartbeat        how often an idle event stream sends a comment (keeps proxies from closing it)
 * @param candidates       how many of the candidates the assistant considered are kept for staff
 * @param queueLimit       at most this many waiting conversations are listed at once
 * @param maxContactLength longest contact (phone, e-mail) a citizen may leave, in characters
 */
@ConfigurationProperties("assistant.handoff")
public record HandoffProperties(@DefaultValue OfficeHoursSettings officeHours,
                                @DefaultValue("15s") Duration heartbeat,
                                @DefaultValue("5") int candidates,
                                @DefaultValue("200") int queueLimit,
                                @DefaultValue("100") int maxContactLength) {

    /**
     * @param alwaysOpen  staff on duty around the clock (weekly hours are then ignored)
     * @param zone        the time zone of the hours
     * @param weekly      e.g. {@code MON-FRI 09:00-12:00 13:30-17:30}, one entry per group of days
     * @param holidays    closed dates, e.g. {@code 2026-10-01..2026-10-08}
     * @param workingDays make-up working days (调休) that open with the hours of a regular weekday
     */
    public record OfficeHoursSettings(@DefaultValue("false") boolean alwaysOpen,
                                      @DefaultValue("Asia/Shanghai") String zone,
                                      @DefaultValue("MON-FRI 09:00-12:00 13:30-17:30") List<String> weekly,
                                      @DefaultValue({}) List<String> holidays,
                                      @DefaultValue({}) List<String> workingDays) {

        public OfficeHours toOfficeHours() {
            OfficeHours parsed = OfficeHours.parse(zone, weekly, holidays, workingDays); // checked even if unused
            return alwaysOpen ? OfficeHours.always(parsed.zone()) : parsed;
        }
    }
}
