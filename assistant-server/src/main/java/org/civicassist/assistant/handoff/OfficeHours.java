package org.civicassist.assistant.handoff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * When staff answer: weekly hours, public holidays (closed) and make-up working days (调休: open with the hours of a
 * regular weekday), in one time zone. Parsed and checked once, at startup; a malformed setting fails the start with
 * a message naming it.
 *
 * <pre>
 * weekly:        "MON-FRI 09:00-12:00 13:30-17:30", "SAT 09:00-12:00"   (days: MON … SUN, ranges and commas)
 * holidays:      "2026-10-01..2026-10-08", "2027-01-01"
 * working-days:  "2026-10-10"
 * </pre>
 */
public final class OfficeHours {

    /** One opening of a day, {@code from} inclusive, {@code to} exclusive ({@code 24:00} closes at midnight). */
    public record Span(LocalTime from, LocalTime to, boolean untilMidnight) {
        boolean contains(LocalTime t) {
            return !t.isBefore(from) && (untilMidnight || t.isBefore(to));
        }

        @Override
        public String toString() {
            return from + "-" + (untilMidnight ? "24:00" : to.toString());
        }
    }

    private static final List<String> DAY_NAMES = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final List<String> DAY_NAMES_ZH = List.of("周一", "周二", "周三", "周四", "周五", "周六", "周日");
    private static final int SEARCH_DAYS = 400;

    private final boolean alwaysOpen;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<Span>> weekly;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingDays;

    private OfficeHours(boolean alwaysOpen, ZoneId zone, Map<DayOfWeek, List<Span>> weekly, Set<LocalDate> holidays,
                        Set<LocalDate> workingDays) {
        this.alwaysOpen = alwaysOpen;
        this.zone = zone;
        this.weekly = weekly;
        this.holidays = Set.copyOf(holidays);
        this.workingDays = Set.copyOf(workingDays);
    }

    /** Staff on duty around the clock: no tickets, every handoff goes straight to the queue. */
    public static OfficeHours always(ZoneId zone) {
        return new OfficeHours(true, zone, Map.of(), Set.of(), Set.of());
    }

    /** @throws IllegalArgumentException naming the malformed entry */
    public static OfficeHours parse(String zone, List<String> weekly, List<String> holidays,
                                    List<String> workingDays) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("assistant.handoff.office-hours.zone: unknown time zone '" + zone + "'");
        }
        Map<DayOfWeek, List<Span>> byDay = new EnumMap<>(DayOfWeek.class);
        for (String line : weekly) {
            if (line == null || line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+");
            if (parts.length < 2) {
                throw badWeekly(line, "expected days then at least one HH:mm-HH:mm");
            }
            List<Span> spans = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                spans.add(span(parts[i], line));
            }
            for (DayOfWeek day : days(parts[0], line)) {
                List<Span> all = byDay.computeIfAbsent(day, d -> new ArrayList<>());
                all.addAll(spans);
                all.sort((a, b) -> a.from().compareTo(b.from()));
            }
        }
        if (byDay.isEmpty()) {
            throw new IllegalArgumentException("assistant.handoff.office-hours.weekly: no opening hours; set "
                    + "assistant.handoff.office-hours.always-open=true for staff on duty around the clock");
        }
        byDay.replaceAll((d, spans) -> List.copyOf(spans));
        return new OfficeHours(false, zoneId, byDay, dates(holidays, "holidays"), dates(workingDays, "working-days"));
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant at) {
        if (alwaysOpen) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone);
        return spansOf(local.toLocalDate()).stream().anyMatch(s -> s.contains(local.toLocalTime()));
    }

    /** {@code at} itself when open, else the start of the next opening; empty only if none within a year. */
    public Optional<Instant> nextOpening(Instant at) {
        if (isOpen(at)) {
            return Optional.of(at);
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            for (Span s : spansOf(day)) {
                ZonedDateTime start = day.atTime(s.from()).atZone(zone);
                if (start.toInstant().isAfter(at)) {
                    return Optional.of(start.toInstant());
                }
            }
        }
        return Optional.empty();
    }

    /** The weekly hours in Chinese, e.g. {@code 周一至周五 09:00-12:00、13:30-17:30}. */
    public String describe() {
        if (alwaysOpen) {
            return "全天";
        }
        Map<String, List<DayOfWeek>> bySpans = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Span> spans = weekly.get(day);
            if (spans != null) {
                StringJoiner j = new StringJoiner("、");
                spans.forEach(s -> j.add(s.toString()));
                bySpans.computeIfAbsent(j.toString(), k -> new ArrayList<>()).add(day);
            }
        }
        StringJoiner out = new StringJoiner("；");
        bySpans.forEach((spans, days) -> out.add(describeDays(days) + " " + spans));
        return out.toString();
    }

    /** A moment as the citizen reads it: {@code 10月9日（周五）09:00}. */
    public String format(Instant at) {
        ZonedDateTime t = at.atZone(zone);
        return t.getMonthValue() + "月" + t.getDayOfMonth() + "日（" + DAY_NAMES_ZH.get(t.getDayOfWeek().ordinal())
                + "）" + t.format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
    }

    private List<Span> spansOf(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        if (workingDays.contains(day)) {
            return typicalWeekday();
        }
        return weekly.getOrDefault(day.getDayOfWeek(), List.of());
    }

    /** The hours a make-up working day keeps: those of the first weekday that has hours. */
    private List<Span> typicalWeekday() {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (weekly.containsKey(d)) {
                return weekly.get(d);
            }
        }
        return List.of();
    }

    private static String describeDays(List<DayOfWeek> days) {
        boolean consecutive = days.size() > 2;
        for (int i = 1; i < days.size(); i++) {
            consecutive &= days.get(i).ordinal() == days.get(i - 1).ordinal() + 1;
        }
        if (consecutive) {
            return DAY_NAMES_ZH.get(days.get(0).ordinal()) + "至" + DAY_NAMES_ZH.get(days.get(days.size() - 1).ordinal());
        }
        StringJoiner j = new StringJoiner("、");
        days.forEach(d -> j.add(DAY_NAMES_ZH.get(d.ordinal())));
        return j.toString();
    }

    private static Span span(String text, String line) {
        String[] ends = text.split("-");
        if (ends.length != 2) {
            throw badWeekly(line, "'" + text + "' is not HH:mm-HH:mm");
        }
        try {
            LocalTime from = LocalTime.parse(ends[0]);
            boolean midnight = ends[1].equals("24:00");
            LocalTime to = midnight ? LocalTime.MAX : LocalTime.parse(ends[1]);
            if (!to.isAfter(from)) {
                throw badWeekly(line, "'" + text + "' ends before it starts");
            }
            return new Span(from, to, midnight);
        } catch (DateTimeParseException e) {
            throw badWeekly(line, "'" + text + "' is not HH:mm-HH:mm");
        }
    }

    private static List<DayOfWeek> days(String text, String line) {
        List<DayOfWeek> out = new ArrayList<>();
        for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
            String[] range = part.split("-");
            if (range.length > 2) {
                throw badWeekly(line, "'" + part + "' is not a day or a range of days");
            }
            int from = DAY_NAMES.indexOf(range[0]);
            int to = range.length == 2 ? DAY_NAMES.indexOf(range[1]) : from;
            if (from < 0 || to < 0 || to < from) {
                throw badWeekly(line, "'" + part + "' is not a day (MON … SUN) or a range such as MON-FRI");
            }
            for (int d = from; d <= to; d++) {
                out.add(DayOfWeek.of(d + 1));
            }
        }
        return out;
    }

    private static Set<LocalDate> dates(List<String> entries, String key) {
        Set<LocalDate> out = new HashSet<>();
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            try {
                String[] range = entry.strip().split("\\.\\.");
                LocalDate from = LocalDate.parse(range[0].strip());
                LocalDate to = range.length == 2 ? LocalDate.parse(range[1].strip()) : from;
                if (range.length > 2 || to.isBefore(from) || from.plusDays(SEARCH_DAYS).isBefore(to)) {
                    throw new IllegalArgumentException();
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    out.add(d);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("assistant.handoff.office-hours." + key + ": '" + entry
                        + "' is not a date (2026-10-01) or a range of dates (2026-10-01..2026-10-08)");
            }
        }
        return out;
    }

    private static IllegalArgumentException badWeekly(String line, String why) {
        return new IllegalArgumentException("assistant.handoff.office-hours.weekly: '" + line + "': " + why);
    }
}
