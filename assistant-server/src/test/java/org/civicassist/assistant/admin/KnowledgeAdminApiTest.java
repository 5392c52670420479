package org.civicassist.assistant.admin;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The maintainers' KB endpoints over a tiny KB directory: status, export, validation, import with reload. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "assistant.admin.api-key=kb-admin-key")
@Import(TestEmbedderConfiguration.class)
class KnowledgeAdminApiTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static Path kb;

    @DynamicPropertySource
    static void tinyKb(DynamicPropertyRegistry registry) {
        kb = TinyKbProperties.directory();
        TinyKbProperties.register(registry, kb);
    }

    @LocalServerPort
    int port;

    WebTestClient admin() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(AdminApiKeyFilter.HEADER, "kb-admin-key").build();
    }

    @Test
    void reports_the_served_knowledge_base() {
        Map<String, Object> status = admin().get().uri("/api/v1/admin/kb/status").exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(status).containsEntry("guides", 2).containsKey("content_key");
        assertThat((String) status.get("source")).contains("directory");
    }

    @Test
    void exports_the_faqs_as_a_workbook() throws Exception {
        int faqs = (Integer) admin().get().uri("/api/v1/admin/kb/status").exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody().get("faqs");
        byte[] xlsx = admin().get().uri("/api/v1/admin/kb/faqs.xlsx").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(faqs + 1); // with the header row
        }
    }

    @Test
    void refuses_an_import_with_errors_and_leaves_the_kb_as_it_was() throws Exception {
        String before = Files.readString(kb.resolve("faq.jsonl"));
        String csv = "编号,问题,答案,关联指南\nfaq-x,社保卡怎么激活？,,guide-card\n";
        Map<String, Object> report = admin().post().uri("/api/v1/admin/kb/faqs/import?name=faq.csv")
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isEqualTo(422).expectBody(JSON).returnResult().getResponseBody();
        assertThat((Integer) report.get("errors")).isPositive();
        assertThat(Files.readString(kb.resolve("faq.jsonl"))).isEqualTo(before);
    }

    @Test
    void imports_a_valid_sheet_replaces_the_faqs_and_reloads() {
        String csv = "编号,所属领域,问题,相似问法,答案,关联指南\n"
                + "faq-card-activate,社保,社保卡怎么激活？,新社保卡如何启用,带身份证到银行网点激活。,guide-card\n";
        Map<String, Object> result = admin().post().uri("/api/v1/admin/kb/faqs/import?name=faq.csv")
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(result).containsEntry("reloaded", true);
        Map<String, Object> status = admin().get().uri("/api/v1/admin/kb/status").exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(status).containsEntry("faqs", 1);
    }

    @Test
    void refuses_without_the_admin_key() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .post().uri("/api/v1/admin/kb/reload").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
