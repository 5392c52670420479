package org.civicassist.assistant.audit;

import org.civicassist.assistant.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * {@code GET /api/v1/staff/audit?limit=100}: the latest staff actions, for administrators; with
 * {@code &target=ID}, only those about one conversation (who read, claimed, exported or deleted it) or account.
 */
@RestController
public class AuditController {

    static final int MAX_LIMIT = 1000;

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping(path = "/api/v1/staff/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<AuditEntry>> recent(@RequestParam(name = "limit", required = false) String limit,
                                         @RequestParam(name = "target", required = false) String target) {
        int n;
        try {
            n = limit == null ? 100 : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_LIMIT) {
            return Mono.error(ApiException.badInput("limit 须为 1 到 " + MAX_LIMIT + " 之间的整数。",
                    "limit must be a whole number from 1 to " + MAX_LIMIT + "."));
        }
        if (target != null && !target.isBlank()) {
            if (target.length() > 64) {
                return Mono.error(ApiException.badInput("target 太长了。", "target is too long."));
            }
            return audit.about(target.strip(), n);
        }
        return audit.recent(n);
    }
}
