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

/** With {@code springdoc.api-docs.enabled=false} and {@code springdoc.swagger-ui.enabled=false}: both are 404. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"springdoc.api-docs.enabled=false", "springdoc.swagger-ui.enabled=false"})
@Import(TestEmbedderConfiguration.class)
class OpenApiDisabledTest {

    @DynamicPropertySource
    static void tinyKb(DynamicPropertyRegistry registry) {
        TinyKbProperties.register(registry, TinyKbProperties.directory());
    }

    @LocalServerPort
    int port;

    @Test
    void the_description_and_the_ui_are_not_served() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        http.get().uri("/v3/api-docs").exchange().expectStatus().isNotFound();
        http.get().uri("/swagger-ui.html").exchange().expectStatus().isNotFound();
        http.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isNotFound();
    }
}
