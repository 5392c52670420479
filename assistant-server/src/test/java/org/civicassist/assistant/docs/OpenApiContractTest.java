package org.civicassist.assistant.docs;

import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v3/api-docs} against the public contract: every endpoint (method and path) named in {@code ../shared/API.md}
 * (copied to {@code src/test/resources/contract/API.md}) must be in the generated OpenAPI paths, so that an endpoint
 * of the contract cannot disappear unnoticed; the staff and admin APIs are described too, and the browsable UI is
 * served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestEmbedderConfiguration.class)
class OpenApiContractTest {

    /** {@code `POST /api/v1/conversations/{id}/messages ...`} in the contract's Markdown. */
    static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/[^\\s`]+)");
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Endpoint(String method, String path) {
    }

    @DynamicPropertySource
    static void tinyKb(DynamicPropertyRegistry registry) {
        TinyKbProperties.register(registry, TinyKbProperties.directory());
    }

    @LocalServerPort
    int port;

    WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    static List<Endpoint> contract() throws IOException {
        String md;
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/contract/API.md")) {
            md = new String(Objects.requireNonNull(in, "contract/API.md").readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Endpoint> out = new ArrayList<>();
        Matcher m = ENDPOINT.matcher(md);
        while (m.find()) {
            Endpoint e = new Endpoint(m.group(1), m.group(2));
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    JsonNode apiDocs() {
        byte[] body = http().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    @Test
    void every_endpoint_of_the_public_contract_is_in_the_openapi_description() throws IOException {
        List<Endpoint> contract = contract();
        // the parser found the contract's endpoints (citizen and staff), not nothing
        assertThat(contract).hasSizeGreaterThanOrEqualTo(10)
                .contains(new Endpoint("POST", "/api/v1/conversations/{id}/messages"),
                        new Endpoint("POST", "/api/v1/staff/conversations/{id}/close"),
                        new Endpoint("GET", "/api/v1/staff/events"));

        JsonNode paths = apiDocs().get("paths");
        assertThat(contract).allSatisfy(e -> assertThat(paths.path(e.path()).has(e.method().toLowerCase(Locale.ROOT)))
                .as("%s %s in /v3/api-docs", e.method(), e.path()).isTrue());
    }

    @Test
    void the_staff_and_admin_apis_are_described_too() {
        JsonNode docs = apiDocs();
        assertThat(docs.path("openapi").asString()).startsWith("3.");
        JsonNode paths = docs.get("paths");
        assertThat(paths.path("/api/v1/admin/kb/status").has("get")).isTrue();
        assertThat(paths.path("/api/v1/admin/kb/suggestions").has("get")).isTrue();
        assertThat(paths.path("/api/v1/admin/kb/suggestions/{id}/accept").has("post")).isTrue();
        assertThat(paths.path("/api/v1/admin/kb/suggestions/{id}/reject").has("post")).isTrue();
        assertThat(paths.path("/api/v1/staff/kb/search").has("get")).isTrue();
        assertThat(paths.path("/api/v1/staff/audit").has("get")).isTrue();
        // the maintainers' conversation log and guide editing
        assertThat(paths.path("/api/v1/staff/maintain/conversations").has("get")).isTrue();
        assertThat(paths.path("/api/v1/staff/maintain/conversations").path("get").path("parameters").findValuesAsString("name"))
                .contains("q", "outcome", "day", "limit", "cursor");
        assertThat(paths.path("/api/v1/staff/maintain/conversations/{id}").has("get")).isTrue();
        assertThat(paths.path("/api/v1/staff/maintain/conversations/{id}/messages/{messageId}/mark").has("post")).isTrue();
        assertThat(paths.path("/api/v1/staff/maintain/kb/guides/{id}").has("get")).isTrue();
        assertThat(paths.path("/api/v1/staff/maintain/kb/guides/{id}/section").has("put")).isTrue();
        JsonNode schemas = docs.path("components").path("schemas");
        assertThat(schemas.path("Page").path("properties").has("next_cursor")).isTrue();
        assertThat(schemas.path("Message").path("properties").has("considered")).isTrue();
        assertThat(schemas.path("MarkRequest").path("properties").has("item")).isTrue();
        assertThat(schemas.path("SectionRequest").path("properties").has("body")).isTrue();
        assertThat(paths.path("/api/v1/staff/maintain/quality").has("get")).isTrue();
        assertThat(paths.path("/api/v1/staff/maintain/quality/runs").has("post")).isTrue();
        assertThat(paths.path("/api/v1/staff/maintain/quality/runs/{id}/reports/{name}/report.html").has("get"))
                .isTrue();
        // the close request documents answered_by
        assertThat(docs.path("components").path("schemas").path("CloseRequest").path("properties").has("answered_by"))
                .isTrue();
    }

    @Test
    void the_browsable_ui_is_served() {
        String location = http().get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        http().get().uri(location).exchange().expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("swagger-ui"));
    }
}
