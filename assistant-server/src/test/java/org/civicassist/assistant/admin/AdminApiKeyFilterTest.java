package org.civicassist.assistant.admin;

import org.civicassist.assistant.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AdminApiKeyFilterTest {

    private final AtomicBoolean passed = new AtomicBoolean();
    private final WebFilterChain chain = exchange -> {
        passed.set(true);
        return Mono.empty();
    };

    private ApiException rejection(AdminApiKeyFilter filter, MockServerHttpRequest request) {
        return catchThrowableOfType(ApiException.class,
                () -> filter.filter(MockServerWebExchange.from(request), chain).block());
    }

    @Test
    void without_a_configured_key_the_admin_api_is_disabled() {
        AdminApiKeyFilter filter = new AdminApiKeyFilter(Optional.empty());

        ApiException e = rejection(filter, MockServerHttpRequest.get("/api/v1/admin/analytics")
                .header(AdminApiKeyFilter.HEADER, "anything").build());

        assertThat(e.status().value()).isEqualTo(403);
        assertThat(e.code()).isEqualTo("admin-disabled");
        assertThat(passed).isFalse();
    }

    @Test
    void a_blank_configured_key_counts_as_none() {
        AdminApiKeyFilter filter = new AdminApiKeyFilter(Optional.of("  "));

        assertThat(rejection(filter, MockServerHttpRequest.get("/api/v1/admin/analytics")
                .header(AdminApiKeyFilter.HEADER, "  ").build()).code()).isEqualTo("admin-disabled");
    }

    @Test
    void the_right_key_passes__a_wrong_or_missing_one_does_not() {
        AdminApiKeyFilter filter = new AdminApiKeyFilter(Optional.of("s3cret"));

        assertThat(rejection(filter, MockServerHttpRequest.get("/api/v1/admin/analytics").build()).code())
                .isEqualTo("admin-key-missing");
        assertThat(rejection(filter, MockServerHttpRequest.get("/api/v1/admin/analytics")
                .header(AdminApiKeyFilter.HEADER, "s3cret!").build()).code()).isEqualTo("admin-key-invalid");
        assertThat(passed).isFalse();

        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/admin/analytics")
                .header(AdminApiKeyFilter.HEADER, "s3cret").build()), chain).block();
        assertThat(passed).isTrue();
    }

    @Test
    void other_paths_are_not_guarded() {
        AdminApiKeyFilter filter = new AdminApiKeyFilter(Optional.empty());

        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/conversations/x").build()), chain)
                .block();
        assertThat(passed).isTrue();
        passed.set(false);
        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/administrator").build()), chain)
                .block();
        assertThat(passed).as("only the admin path itself and below").isTrue();
    }

    @Test
    void the_admin_path_itself_is_guarded() {
        AdminApiKeyFilter filter = new AdminApiKeyFilter(Optional.of("s3cret"));

        assertThat(rejection(filter, MockServerHttpRequest.get("/api/v1/admin").build()).code())
                .isEqualTo("admin-key-missing");
    }
}
