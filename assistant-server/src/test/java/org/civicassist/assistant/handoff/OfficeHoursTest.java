package org.civicassist.assistant.handoff;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfficeHoursTest {

    static final OfficeHours HOURS = OfficeHours.parse("Asia/Shanghai",
            List.of("MON-FRI 09:00-12:00 13:30-17:30", "SAT 09:00-12:00"),
            List.of("2026-10-01..2026-10-07"), List.of("2026-10-10"));

    static Instant shanghai(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Test
    void open_within_the_spans_of_the_day__closed_at_lunch_and_at_night() {
        assertThat(HOURS.isOpen(shanghai("2026-03-09T09:00"))).isTrue();
        assertThat(HOURS.isOpen(shanghai("2026-03-09T11:59"))).isTrue();
        assertThat(HOURS.isOpen(shanghai("2026-03-09T12:00"))).isFalse();
        assertThat(HOURS.isOpen(shanghai("2026-03-09T13:30"))).isTrue();
        assertThat(HOURS.isOpen(shanghai("2026-03-09T17:30"))).isFalse();
        assertThat(HOURS.isOpen(shanghai("2026-03-14T10:00"))).as("Saturday morning").isTrue();
        assertThat(HOURS.isOpen(shanghai("2026-03-15T10:00"))).as("Sunday").isFalse();
    }

    @Test
    void the_next_opening_skips_lunch__sundays_and_holidays() {
        assertThat(HOURS.nextOpening(shanghai("2026-03-09T12:10"))).contains(shanghai("2026-03-09T13:30"));
        assertThat(HOURS.nextOpening(shanghai("2026-03-14T12:10"))).contains(shanghai("2026-03-16T09:00"));
        assertThat(HOURS.nextOpening(shanghai("2026-09-30T18:00"))).as("National Day week")
                .contains(shanghai("2026-10-08T09:00"));
        assertThat(HOURS.nextOpening(shanghai("2026-03-09T10:00"))).contains(shanghai("2026-03-09T10:00"));
    }

    @Test
    void a_make_up_working_day_opens_with_weekday_hours() {
        // Saturday 10 October 2026 is a make-up working day: the afternoon opens too
        assertThat(HOURS.isOpen(shanghai("2026-10-10T14:00"))).isTrue();
        assertThat(HOURS.isOpen(shanghai("2026-10-17T14:00"))).isFalse();
    }

    @Test
    void describes_the_week_and_formats_a_moment_in_chinese() {
        assertThat(HOURS.describe()).isEqualTo("周一至周五 09:00-12:00、13:30-17:30；周六 09:00-12:00");
        assertThat(HOURS.format(shanghai("2026-03-16T09:00"))).isEqualTo("3月16日（周一）09:00");
    }

    @Test
    void always_open_never_makes_a_ticket() {
        OfficeHours always = OfficeHours.always(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(always.isOpen(shanghai("2026-03-15T03:00"))).isTrue();
    }

    @Test
    void malformed_settings_fail_with_the_setting_named() {
        assertThatThrownBy(() -> OfficeHours.parse("Asia/Shanghai", List.of("MON-FRY 09:00-17:00"), List.of(),
                List.of())).hasMessageContaining("office-hours.weekly").hasMessageContaining("MON-FRY");
        assertThatThrownBy(() -> OfficeHours.parse("Asia/Shanghai", List.of("MON 17:00-09:00"), List.of(),
                List.of())).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> OfficeHours.parse("Asia/Shanghai", List.of("MON 09:00-17:00"),
                List.of("2026-13-01"), List.of())).hasMessageContaining("office-hours.holidays");
        assertThatThrownBy(() -> OfficeHours.parse("Mars/Olympus", List.of("MON 09:00-17:00"), List.of(),
                List.of())).hasMessageContaining("office-hours.zone");
        assertThatThrownBy(() -> OfficeHours.parse("Asia/Shanghai", List.of(), List.of(), List.of()))
                .hasMessageContaining("always-open");
    }
}
