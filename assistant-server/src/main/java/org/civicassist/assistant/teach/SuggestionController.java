package org.civicassist.assistant.teach;

import org.civicassist.assistant.security.StaffPrincipal;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * The maintainers' review of suggested similar questions, twice: under the admin API ({@code X-Admin-Key}; the audit
 * log names the actor {@value #ADMIN_KEY_ACTOR}) and under the staff API for administrators (the audit log names the
 * administrator).
 */
@RestController
public class SuggestionController {

    /** The audit actor of decisions made with the admin API key (which names no person). */
    public static final String ADMIN_KEY_ACTOR = "admin-key";

    private final TeachService teach;

    public SuggestionController(TeachService teach) {
        this.teach = teach;
    }

    /** The FAQ to add the question to instead of the suggested item (needed for a guide or section suggestion). */
    public record AcceptRequest(String faq) {
    }

    @GetMapping(path = "/api/v1/admin/kb/suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<Suggestion>> pending() {
        return teach.pending();
    }

    @PostMapping(path = "/api/v1/admin/kb/suggestions/{id}/accept", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> accept(@PathVariable String id,
                                            @RequestBody(required = false) Mono<AcceptRequest> body) {
        return body.defaultIfEmpty(new AcceptRequest(null))
                .flatMap(r -> teach.accept(ADMIN_KEY_ACTOR, id, r.faq())).map(TeachService::body);
    }

    @PostMapping(path = "/api/v1/admin/kb/suggestions/{id}/reject", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> reject(@PathVariable String id) {
        return teach.reject(ADMIN_KEY_ACTOR, id).map(TeachService::body);
    }

    @GetMapping(path = "/api/v1/staff/kb/suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<Suggestion>> pendingForStaff() {
        return teach.pending();
    }

    @PostMapping(path = "/api/v1/staff/kb/suggestions/{id}/accept", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> acceptByStaff(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
                                                   @RequestBody(required = false) Mono<AcceptRequest> body) {
        return body.defaultIfEmpty(new AcceptRequest(null))
                .flatMap(r -> teach.accept(me.username(), id, r.faq())).map(TeachService::body);
    }

    @PostMapping(path = "/api/v1/staff/kb/suggestions/{id}/reject", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> rejectByStaff(@AuthenticationPrincipal StaffPrincipal me,
                                                   @PathVariable String id) {
        return teach.reject(me.username(), id).map(TeachService::body);
    }
}
