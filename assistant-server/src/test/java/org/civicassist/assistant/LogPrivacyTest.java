package org.civicassist.assistant;

import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing personal or secret reaches the logs: not what citizens type, not passwords, not tokens. */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    /** A valid 18-digit ID number (ISO 7064 check character X). */
    static final String ID_NUMBER = "11010519491231002X";
    static final String PHONE = "13812345678";
    static final String EMAIL = "li.ming.private@example.com";
    static final String ADMIN_PASSWORD = "Zq-secret-admin-4471";
    static final String WRONG_PASSWORD = "Wrong-guess-9911";

    @Test
    void a_conversation_with_personal_data__a_handoff_and_staff_logins_leave_none_of_it_in_the_log(
            CapturedOutput output) {
        List<String> args = new ArrayList<>();
        TinyKbProperties.of(TinyKbProperties.directory()).forEach(p -> args.add("--" + p));
        args.addAll(List.of("--assistant.staff.bootstrap.username=chief",
                "--assistant.staff.bootstrap.password=" + ADMIN_PASSWORD,
                "--assistant.handoff.office-hours.always-open=true"));
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(AssistantApplication.class,
                TestEmbedderConfiguration.class).run(args.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            WebClient http = WebClient.create("http://127.0.0.1:" + port);
            Map<String, Object> opened = http.post().uri("/api/v1/conversations")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").retrieve().bodyToMono(JSON)
                    .block(Duration.ofSeconds(10));
            String id = (String) opened.get("id");
            String token = (String) opened.get("token");
            for (String text : List.of("我身份证号" + ID_NUMBER + "，社保卡丢了怎么补办",
                    "手机" + PHONE + "，邮箱" + EMAIL + "，补办社保卡要钱吗", "我要转人工")) {
                http.post().uri("/api/v1/conversations/{id}/messages", id).header("X-Conversation-Token", token)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", text)).retrieve()
                        .toBodilessEntity().block(Duration.ofSeconds(10));
            }
            http.post().uri("/api/v1/conversations/{id}/handoff", id).header("X-Conversation-Token", token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("contact", PHONE, "message", "请打我电话 " + PHONE)).exchangeToMono(r ->
                            r.releaseBody()).block(Duration.ofSeconds(10));
            http.post().uri("/api/v1/staff/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "chief", "password", WRONG_PASSWORD))
                    .exchangeToMono(r -> r.releaseBody()).block(Duration.ofSeconds(10));
            Map<String, Object> login = http.post().uri("/api/v1/staff/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "chief", "password", ADMIN_PASSWORD)).retrieve().bodyToMono(JSON)
                    .block(Duration.ofSeconds(10));
            String staffToken = (String) login.get("token");
            http.get().uri("/api/v1/staff/queue").headers(h -> h.setBearerAuth(staffToken)).retrieve()
                    .toBodilessEntity().block(Duration.ofSeconds(10));
            http.get().uri("/api/v1/staff/conversations/{id}", id).headers(h -> h.setBearerAuth(staffToken))
                    .retrieve().toBodilessEntity().block(Duration.ofSeconds(10));

            assertThat(output.getAll()).as("the log names the conversation").contains(id)
                    .doesNotContain(ID_NUMBER, PHONE, EMAIL, ADMIN_PASSWORD, WRONG_PASSWORD, token, staffToken);
        }
    }
}
