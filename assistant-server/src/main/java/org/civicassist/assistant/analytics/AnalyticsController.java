package org.civicassist.assistant.analytics;

import org.civicassist.assistant.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/admin/analytics?days=7}: the maintainers' report (guarded by the admin API key, see
 * {@link org.civicassist.assistant.admin.AdminApiKeyFilter}).
 */
@RestController
public class AnalyticsController {

    static final int DEFAULT_DAYS = 7;

    private final AnalyticsReporter reporter;
    private final int maxDays;

    public AnalyticsController(AnalyticsReporter reporter, AnalyticsSettings settings) {
        this.reporter = reporter;
        this.maxDays = settings.maxDays();
    }

    @GetMapping(path = "/api/v1/admin/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<AnalyticsReport> report(@RequestParam(name = "days", required = false) String days) {
        return Mono.fromCallable(() -> days(days, maxDays)).flatMap(reporter::report);
    }

    /**
     * The {@code days} parameter of a report: {@value #DEFAULT_DAYS} when absent.
     *
     * @throws ApiException 400 unless it is a whole number from 1 to {@code maxDays}
     */
    public static int days(String days, int maxDays) {
        int n;
        try {
            n = days == null ? DEFAULT_DAYS : Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > maxDays) {
            throw ApiException.badInput("days 须为 1 到 " + maxDays + " 之间的整数。",
                    "days must be a whole number from 1 to " + maxDays + ".");
        }
        return n;
    }

    /** @param maxDays the retention period in days: older records are gone */
    public record AnalyticsSettings(int maxDays) {
    }
}
