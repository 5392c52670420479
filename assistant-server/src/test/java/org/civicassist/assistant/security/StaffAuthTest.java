package org.civicassist.assistant.security;

import org.civicassist.assistant.testing.ApiClient.Citizen;
import org.civicassist.assistant.testing.HandoffApplicationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every staff endpoint refuses a missing, wrong or expired token (and the administrators' endpoints refuse staff);
 * a login token never works in a URL and an events ticket works once, only for the event stream; a citizen's token
 * opens their own conversation only.
 */
class StaffAuthTest extends HandoffApplicationTestBase {

    static final String SOME_ID = "0123456789abcdef0123456789abcdef";

    record Endpoint(HttpMethod method, String path, String body) {
    }

    static final List<Endpoint> STAFF_ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/api/v1/staff/queue", null),
            new Endpoint(HttpMethod.GET, "/api/v1/staff/overview", null),
            new Endpoint(HttpMethod.GET, "/api/v1/staff/me", null),
            new Endpoint(HttpMethod.GET, "/api/v1/staff/conversations/" + SOME_ID, null),
            new Endpoint(HttpMethod.POST, "/api/v1/staff/conversations/" + SOME_ID + "/claim", null),
            new Endpoint(HttpMethod.POST, "/api/v1/staff/conversations/" + SOME_ID + "/messages", "{\"text\":\"hi\"}"),
            new Endpoint(HttpMethod.POST, "/api/v1/staff/conversations/" + SOME_ID + "/transfer", "{\"to\":\"abc\"}"),
            new Endpoint(HttpMethod.POST, "/api/v1/staff/conversations/" + SOME_ID + "/close", "{\"note\":\"x\"}"),
            new Endpoint(HttpMethod.GET, "/api/v1/staff/kb/search?q=社保卡", null),
            new Endpoint(HttpMethod.GET, "/api/v1/staff/events", null),
            new Endpoint(HttpMethod.POST, "/api/v1/staff/events/ticket", null),
            new Endpoint(HttpMethod.POST, "/api/v1/staff/logout", null),
            new Endpoint(HttpMethod.POST, "/api/v1/staff/accounts",
                    "{\"username\":\"newbie\",\"password\":\"long-enough-1\"}"),
            new Endpoint(HttpMethod.GET, "/api/v1/staff/accounts", null),
            new Endpoint(HttpMethod.GET, "/api/v1/staff/audit", null));

    static final List<String> ADMIN_ONLY = List.of("/api/v1/staff/accounts", "/api/v1/staff/audit");

    WebTestClient.ResponseSpec call(Endpoint e, Consumer<org.springframework.http.HttpHeaders> headers) {
        WebTestClient.RequestBodySpec spec = api.http().method(e.method()).uri(e.path()).headers(headers);
        return e.body() == null ? spec.exchange()
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(e.body()).exchange();
    }

    void refused(Endpoint e, Consumer<org.springframework.http.HttpHeaders> headers, int status, String code) {
        call(e, headers).expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.detail_zh").exists().jsonPath("$.detail_en").exists();
    }

    @Test
    void every_staff_endpoint_refuses_a_missing_token() {
        for (Endpoint e : STAFF_ENDPOINTS) {
            refused(e, h -> {
            }, 401, "staff-token-missing");
        }
    }

    @Test
    void every_staff_endpoint_refuses_a_wrong_token() {
        for (Endpoint e : STAFF_ENDPOINTS) {
            refused(e, h -> h.setBearerAuth("forged-token"), 401, "staff-token-invalid");
            refused(e, h -> h.setBearerAuth("x".repeat(5000)), 401, "staff-token-invalid");
        }
    }

    @Test
    void every_staff_endpoint_refuses_an_expired_token() {
        String token = api.login(ADMIN, ADMIN_PASSWORD);
        call(STAFF_ENDPOINTS.get(0), h -> h.setBearerAuth(token)).expectStatus().isOk();

        clock.advance(Duration.ofHours(8).plusSeconds(1));

        for (Endpoint e : STAFF_ENDPOINTS) {
            refused(e, h -> h.setBearerAuth(token), 401, "staff-token-invalid");
        }
    }

    @Test
    void administrators_endpoints_refuse_staff() {
        String staff = api.staff(api.login(ADMIN, ADMIN_PASSWORD), "zhao", "赵敏");
        for (Endpoint e : STAFF_ENDPOINTS) {
            if (ADMIN_ONLY.stream().anyMatch(p -> e.path().startsWith(p))) {
                refused(e, h -> h.setBearerAuth(staff), 403, "staff-forbidden");
            }
        }
        api.http().get().uri("/api/v1/staff/me").headers(h -> h.setBearerAuth(staff)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.roles[0]").isEqualTo("STAFF");
    }

    @Test
    void a_logged_out_token_is_refused() {
        String token = api.login(ADMIN, ADMIN_PASSWORD);
        api.http().post().uri("/api/v1/staff/logout").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNoContent();
        refused(STAFF_ENDPOINTS.get(0), h -> h.setBearerAuth(token), 401, "staff-token-invalid");
    }

    @Test
    void the_event_stream_takes_a_ticket_in_the_url_once__never_a_login_token() {
        String token = api.login(ADMIN, ADMIN_PASSWORD);
        api.http().get().uri("/api/v1/staff/events?token={t}", token).exchange()
                .expectStatus().isUnauthorized();
        String ticket = api.eventsTicket(token);
        // a ticket opens nothing but the event stream
        api.http().get().uri("/api/v1/staff/queue?token={t}", ticket).exchange().expectStatus().isUnauthorized();

        api.http().get().uri("/api/v1/staff/events?token={t}", ticket).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody().take(Duration.ofMillis(300)).blockLast();
        api.http().get().uri("/api/v1/staff/events?token={t}", ticket).exchange().expectStatus().isUnauthorized();

        String expiring = api.eventsTicket(token);
        clock.advance(Duration.ofSeconds(61));
        api.http().get().uri("/api/v1/staff/events?token={t}", expiring).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void login_refuses_a_wrong_password__and_throttles_guessing() {
        api.http().post().uri("/api/v1/staff/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "nobody", "password", "whatever-it-is")).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("login-failed");
        String victim = "guessed";
        api.staff(api.login(ADMIN, ADMIN_PASSWORD), victim, "被猜的人");
        for (int i = 0; i < 5; i++) {
            api.http().post().uri("/api/v1/staff/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", victim, "password", "wrong-guess-" + i)).exchange()
                    .expectStatus().isUnauthorized();
        }
        api.http().post().uri("/api/v1/staff/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", victim, "password", victim + "-password-1")).exchange()
                .expectStatus().isEqualTo(429);
        clock.advance(Duration.ofMinutes(16));
        assertThat(api.login(victim, victim + "-password-1")).isNotBlank();
    }

    @Test
    void the_login_answer_says_when_the_token_expires_and_which_roles_it_carries() {
        api.http().post().uri("/api/v1/staff/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", ADMIN, "password", ADMIN_PASSWORD)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.token").isNotEmpty()
                .jsonPath("$.expires_at").isEqualTo(MONDAY_MORNING.plus(Duration.ofHours(8)).toString())
                .jsonPath("$.roles").value(r -> assertThat((List<String>) r).containsExactlyInAnyOrder("ADMIN",
                        "STAFF"));
    }

    @Test
    void accounts_need_a_valid_username_and_a_long_enough_password__and_are_created_once() {
        String admin = api.login(ADMIN, ADMIN_PASSWORD);
        api.staffPost(admin, "/api/v1/staff/accounts", Map.of("username", "Ab", "password", "long-enough-1"))
                .expectStatus().isBadRequest();
        api.staffPost(admin, "/api/v1/staff/accounts", Map.of("username", "short.pw", "password", "short"))
                .expectStatus().isBadRequest();
        api.staffPost(admin, "/api/v1/staff/accounts", Map.of("username", "once.only", "password", "long-enough-1"))
                .expectStatus().isCreated().expectBody().jsonPath("$.roles[0]").isEqualTo("STAFF")
                .jsonPath("$.password").doesNotExist();
        api.staffPost(admin, "/api/v1/staff/accounts", Map.of("username", "once.only", "password", "long-enough-2"))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void a_citizen_token_never_opens_another_conversation() {
        Citizen mine = api.open();
        Citizen other = api.open();
        for (String path : List.of("/api/v1/conversations/{id}", "/api/v1/conversations/{id}/events")) {
            api.http().get().uri(path, mine.id()).header("X-Conversation-Token", other.token()).exchange()
                    .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("token-invalid");
            api.http().get().uri(path, mine.id()).exchange().expectStatus().isUnauthorized();
            api.http().get().uri(path, "0123456789abcdef0123456789abcdef").header("X-Conversation-Token",
                    other.token()).exchange().expectStatus().isNotFound();
        }
        api.http().get().uri("/api/v1/conversations/{id}/events?token={t}", mine.id(), other.token()).exchange()
                .expectStatus().isForbidden();
        api.http().post().uri("/api/v1/conversations/{id}/handoff", mine.id())
                .header("X-Conversation-Token", other.token()).exchange().expectStatus().isForbidden();
        // a staff token is no citizen token either
        String staff = api.login(ADMIN, ADMIN_PASSWORD);
        api.http().get().uri("/api/v1/conversations/{id}", mine.id()).headers(h -> h.setBearerAuth(staff)).exchange()
                .expectStatus().isUnauthorized();
        assertThat(api.conversation(mine).get("state")).isEqualTo("bot");
    }

    @Test
    void the_staff_console_page_is_served_with_a_strict_content_security_policy() {
        api.http().get().uri("/staff/").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'self'").doesNotContain("unsafe-inline"))
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
        api.http().get().uri("/api/v1/staff/queue").headers(h -> h.setBearerAuth(api.login(ADMIN, ADMIN_PASSWORD)))
                .exchange().expectHeader().valueEquals("Cache-Control", "no-store");
    }
}
