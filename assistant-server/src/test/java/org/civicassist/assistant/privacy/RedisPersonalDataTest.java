package org.civicassist.assistant.privacy;

import org.civicassist.assistant.AssistantApplication;
import org.civicassist.assistant.testing.ApiClient;
import org.civicassist.assistant.testing.ApiClient.Citizen;
import org.civicassist.assistant.testing.ContactKeys;
import org.civicassist.assistant.testing.RedisServerExtension;
import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.http.MediaType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Personal data on two server instances sharing one real Redis: a corpus of the forms citizens type ID and phone
 * numbers, addresses, names and landlines in is sent through the chat API, then every place data lands is read back (the transcript over the API,
 * the staff views and exports, every key and value in Redis, analytics, the log) and none holds the raw value; the
 * contact left for a call back is encrypted at rest and read back only by the staff member who claimed the
 * conversation; a conversation deleted on one instance is gone on the other; staff reading, claiming, exporting and
 * deleting are in the audit log.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisPersonalDataTest {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final String ADMIN_KEY = "analytics-key-for-tests";
    static final List<ConfigurableApplicationContext> running = new ArrayList<>();
    static ApiClient a;
    static ApiClient b;
    static ReactiveStringRedisTemplate template;

    /** One conversation's messages, and what of them must be found nowhere (the raw values, as typed). */
    record Sample(String name, List<String> messages, List<String> raw) {
    }

    static final List<Sample> CORPUS = List.of(
            new Sample("valid ID", List.of("我身份证号11010519491231002X，社保卡丢了怎么补办"),
                    List.of("11010519491231002X", "19491231002")),
            new Sample("ID with a wrong check digit", List.of("身份证110101199003077777补办社保卡要钱吗"),
                    List.of("110101199003077777", "199003077777")),
            new Sample("lower-case check character", List.of("我的证件号码是11010119900307707x 社保卡坏了"),
                    List.of("11010119900307707", "19900307707")),
            new Sample("spaced valid ID", List.of("身份证 320102 20000229 4567 补办社保卡"),
                    List.of("20000229 4567", "320102 20000229", "200002294567")),
            new Sample("spaced ID with a wrong check digit", List.of("身份证 440305 19751102 1235 社保卡丢了"),
                    List.of("19751102 1235", "440305 19751102", "197511021235")),
            new Sample("full-width ID", List.of("身份证３７０２８５１９８８０７１５００１３补办社保卡"),
                    List.of("３７０２８５１９８８０７１５００１３", "370285198807150013", "１９８８０７１５")),
            new Sample("mobile", List.of("电话13812345678，补办社保卡要钱吗"), List.of("13812345678", "1381234")),
            new Sample("spaced mobile with country code", List.of("打 +86 139 1234 5678 找我，社保卡补办"),
                    List.of("139 1234 5678", "13912345678")),
            new Sample("full-width mobile", List.of("手机１３７１２３４５６７８，社保卡怎么补"),
                    List.of("１３７１２３４５６７８", "13712345678")),
            new Sample("ID split across two messages", List.of("我的身份证号是510107199206", "304562 社保卡补办"),
                    List.of("510107199206", "304562", "510107199206304562")),
            new Sample("mobile split across two messages", List.of("电话 158 2468", "1357 回我，社保卡补办"),
                    List.of("158 2468", "1357 回我", "15824681357")),
            new Sample("traditional characters", List.of("我的身份證號碼是11010519491231002X，電話13566667777，社保卡補辦"),
                    List.of("11010519491231002X", "13566667777")),
            new Sample("e-mail", List.of("郵箱 wang.private@example.com 社保卡补办"),
                    List.of("wang.private@example.com", "wang.private")),
            new Sample("address down to the flat", List.of("我住在江州市东城区幸福路18号3栋2单元501，社保卡丢了怎么补办"),
                    List.of("18号3栋", "2单元501", "幸福路18号", "3栋2单元")),
            new Sample("address in Chinese numerals and full-width digits",
                    List.of("家住和平街十八号三栋二单元五零一 社保卡补办", "寄到阳光小区２号楼１２０３室吧"),
                    List.of("十八号", "三栋二单元", "五零一", "２号楼１２０３", "１２０３", "2号楼1203")),
            new Sample("village address", List.of("我家在李庄村三组12号，社保卡补办要钱吗"), List.of("三组12号")),
            new Sample("name after 我叫", List.of("我叫张丽华，社保卡丢了怎么补办"), List.of("张丽华")),
            new Sample("name after 本人, a relative's name", List.of("本人王建国，补办社保卡要钱吗", "我妈叫陈桂兰，她的社保卡也丢了"),
                    List.of("王建国", "陈桂兰")),
            new Sample("landline with area code", List.of("座机0512-66778899，社保卡补办"),
                    List.of("0512-66778899", "66778899")),
            new Sample("local landline", List.of("我的电话是65432198 社保卡补办"), List.of("65432198")));

    @BeforeAll
    static void startTwoServers() {
        Path kb = TinyKbProperties.directory();
        ConfigurableApplicationContext first = start(kb);
        a = new ApiClient(port(first));
        b = new ApiClient(port(start(kb)));
        template = first.getBean(ReactiveStringRedisTemplate.class);
    }

    @AfterAll
    static void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    static ConfigurableApplicationContext start(Path kb) {
        List<String> properties = new ArrayList<>(TinyKbProperties.of(kb));
        properties.add("spring.data.redis.url=" + redis.url());
        properties.add("assistant.privacy.contact-key=" + ContactKeys.ofThisRun());
        properties.add("assistant.admin.api-key=" + ADMIN_KEY);
        properties.add("assistant.handoff.office-hours.always-open=true");
        properties.add("assistant.handoff.heartbeat=1s");
        properties.add("assistant.staff.bootstrap.username=" + ADMIN);
        properties.add("assistant.staff.bootstrap.password=" + ADMIN_PASSWORD);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AssistantApplication.class,
                TestEmbedderConfiguration.class).run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        running.add(context);
        return context;
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void a_corpus_of_personal_data_sent_through_the_chat_api_is_held_raw_nowhere(CapturedOutput log) {
        String admin = a.login(ADMIN, ADMIN_PASSWORD);
        String zhao = a.staff(admin, "zhao", "赵敏");
        Map<String, Citizen> sent = new LinkedHashMap<>();
        for (Sample s : CORPUS) {
            Citizen c = a.open();
            // the messages alternate between the instances: the conversation lives in Redis
            for (int i = 0; i < s.messages().size(); i++) {
                (i % 2 == 0 ? a : b).say(c, s.messages().get(i));
            }
            sent.put(s.name(), c);
        }
        // one conversation goes to a person: its question reaches the queue; the rest of a split number is typed
        // while staff have it (relayed to staff, not answered by the assistant)
        Citizen handed = sent.get("valid ID");
        a.handoff(handed);
        Citizen withStaff = a.open();
        a.say(withStaff, "社保卡补办要什么材料");
        a.handoff(withStaff);
        b.staffPost(zhao, "/api/v1/staff/conversations/{id}/claim", null, withStaff.id()).expectStatus().isOk();
        a.say(withStaff, "我身份证前面是370285198807");
        b.say(withStaff, "150013 麻烦查一下");

        StringBuilder api = new StringBuilder();
        sent.values().forEach(c -> api.append(b.conversation(c)));
        api.append(a.conversation(withStaff));
        StringBuilder staff = new StringBuilder();
        staff.append(b.queue(zhao));
        staff.append(get(b, zhao, "/api/v1/staff/overview"));
        for (Citizen c : List.of(handed, withStaff)) {
            staff.append(get(b, zhao, "/api/v1/staff/conversations/" + c.id()));
            staff.append(get(b, zhao, "/api/v1/staff/conversations/" + c.id() + "/export"));
            staff.append(get(b, zhao, "/api/v1/staff/conversations/" + c.id() + "/export.html"));
        }
        String analytics = a.http().get().uri("/api/v1/admin/analytics?days=7").header("X-Admin-Key", ADMIN_KEY)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String stored = redisDump();

        // the places read are the right ones (so that finding nothing means something)
        assertThat(api).as("transcripts").contains("***").contains("社保卡").contains("幸福路[地址]", "我叫[姓名]");
        assertThat(staff).as("staff views").contains(handed.id(), withStaff.id(), "麻烦查一下");
        assertThat(stored).as("Redis").contains(handed.id(), withStaff.id(), "麻烦查一下", "***");
        assertThat(analytics).as("analytics").contains("\"questions\"");
        assertThat(log.getAll()).as("log").contains(handed.id());

        List<String> raw = new ArrayList<>();
        CORPUS.forEach(s -> raw.addAll(s.raw()));
        raw.addAll(List.of("370285198807", "150013 麻烦", "370285198807150013"));
        for (String value : raw) {
            assertThat(api.toString()).as("the transcript over the API holds %s", value).doesNotContain(value);
            assertThat(staff.toString()).as("the staff views hold %s", value).doesNotContain(value);
            assertThat(stored).as("Redis holds %s", value).doesNotContain(value);
            assertThat(analytics).as("analytics hold %s", value).doesNotContain(value);
            assertThat(log.getAll()).as("the log holds %s", value).doesNotContain(value);
        }
    }

    @Test
    void the_contact_is_encrypted_in_redis_and_only_the_staff_member_who_claimed_reads_it(CapturedOutput log) {
        String contact = "13500001111";
        String admin = a.login(ADMIN, ADMIN_PASSWORD);
        String qian = a.staff(admin, "qian", "钱进");
        String sun = b.staff(admin, "sun", "孙丽");
        Citizen c = a.open();
        a.say(c, "社保卡补办要钱吗");
        a.http().post().uri("/api/v1/conversations/{id}/handoff", c.id()).header("X-Conversation-Token", c.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("contact", contact)).exchange()
                .expectStatus().isOk();

        String sealed = template.opsForValue().get("civic:contact:" + c.id()).block(Duration.ofSeconds(5));
        assertThat(sealed).as("the stored contact").isNotNull().startsWith("v1:").doesNotContain(contact);
        assertThat(redisDump()).as("Redis").doesNotContain(contact);
        Duration ttl = template.getExpire("civic:contact:" + c.id()).block(Duration.ofSeconds(5));
        assertThat(ttl).as("the contact's time to live").isPositive()
                .isLessThanOrEqualTo(RetentionPolicy.defaults().contactsWhileOpen());

        // waiting: every staff member sees that there is one, nobody reads it
        Map<String, Object> queued = b.queue(sun).stream().filter(q -> c.id().equals(q.get("conversation_id")))
                .findFirst().orElseThrow();
        assertThat(queued).containsEntry("has_contact", true).doesNotContainKey("contact");
        assertThat(get(b, sun, "/api/v1/staff/conversations/" + c.id())).doesNotContain(contact);

        // claimed on B: the claimer reads it (decrypted on either instance), a colleague does not
        b.staffPost(qian, "/api/v1/staff/conversations/{id}/claim", null, c.id()).expectStatus().isOk()
                .expectBody().jsonPath("$.contact").isEqualTo(contact);
        a.http().get().uri("/api/v1/staff/conversations/{id}", c.id()).header("Authorization", "Bearer " + qian)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.contact").isEqualTo(contact);
        assertThat(get(a, sun, "/api/v1/staff/conversations/" + c.id())).doesNotContain(contact);
        assertThat(get(a, admin, "/api/v1/staff/conversations/" + c.id())).as("an administrator who did not claim")
                .doesNotContain(contact);

        // closed: kept for the grace period only
        b.staffPost(qian, "/api/v1/staff/conversations/{id}/close", Map.of("note", "已回电"), c.id())
                .expectStatus().isOk().expectBody().jsonPath("$.contact").isEqualTo(contact);
        Duration left = template.getExpire("civic:contact:" + c.id()).block(Duration.ofSeconds(5));
        assertThat(left).as("the contact's time to live after closing").isPositive()
                .isLessThanOrEqualTo(RetentionPolicy.defaults().contacts());
        assertThat(log.getAll()).doesNotContain(contact);
    }

    @Test
    void a_conversation_deleted_on_one_instance_is_gone_on_the_other_and_analytics_keep_only_counts() {
        String admin = a.login(ADMIN, ADMIN_PASSWORD);
        String zhou = a.staff(admin, "zhou", "周华");
        Citizen c = a.open();
        String question = "补办社保卡要钱吗 我住东门街道七号院";
        assertThat(a.say(c, question).get("type")).isEqualTo("answer");
        a.http().post().uri("/api/v1/conversations/{id}/feedback", c.id()).header("X-Conversation-Token", c.token())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message_id", "000002", "useful", true, "reason", "很清楚 谢谢周到")).exchange()
                .expectStatus().isOk();
        a.http().post().uri("/api/v1/conversations/{id}/handoff", c.id()).header("X-Conversation-Token", c.token())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("contact", "deleted.citizen@example.com", "message", "想再问问工本费的事"))
                .exchange().expectStatus().isOk();
        b.staffPost(zhou, "/api/v1/staff/conversations/{id}/claim", null, c.id()).expectStatus().isOk();
        long questionsBefore = analyticsQuestions();
        assertThat(redisDump()).contains(c.id(), "想再问问工本费的事", "很清楚 谢谢周到", "东门街道");

        // a wrong token deletes nothing
        b.http().delete().uri("/api/v1/conversations/{id}", c.id()).header("X-Conversation-Token", "wrong")
                .exchange().expectStatus().isForbidden();
        b.http().delete().uri("/api/v1/conversations/{id}", c.id()).exchange().expectStatus().isUnauthorized();
        assertThat(b.conversation(c).get("state")).isEqualTo("with_staff");

        a.http().delete().uri("/api/v1/conversations/{id}", c.id()).header("X-Conversation-Token", c.token())
                .exchange().expectStatus().isNoContent();

        // gone on the other instance, for the citizen and for staff
        b.http().get().uri("/api/v1/conversations/{id}", c.id()).header("X-Conversation-Token", c.token())
                .exchange().expectStatus().isNotFound();
        b.http().get().uri("/api/v1/staff/conversations/{id}", c.id()).header("Authorization", "Bearer " + zhou)
                .exchange().expectStatus().isNotFound();
        assertThat(get(b, zhou, "/api/v1/staff/overview")).doesNotContain(c.id());
        // transcript, contact and feedback are nowhere in Redis (the audit log names the conversation, see below);
        // analytics still count the question
        // (rate-limit buckets are named by conversation id too: counters only, expiring within minutes)
        String stored = redisDump(key -> !key.equals("civic:staff:audit") && !key.startsWith("civic:rate:"));
        assertThat(stored).doesNotContain(c.id()).doesNotContain("想再问问工本费的事")
                .doesNotContain("deleted.citizen").doesNotContain("很清楚 谢谢周到").doesNotContain("东门街道");
        assertThat(template.hasKey("civic:contact:" + c.id()).block(Duration.ofSeconds(5))).isFalse();
        assertThat(analyticsQuestions()).isEqualTo(questionsBefore);
        // the audit log says who deleted it, nothing of what it held
        assertThat(audit(admin, c.id())).anySatisfy(e -> assertThat(e).containsEntry("actor", "citizen")
                .containsEntry("action", "delete"));
        // and deleting again finds nothing
        b.http().delete().uri("/api/v1/conversations/{id}", c.id()).header("X-Conversation-Token", c.token())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void staff_reading_claiming_exporting_and_deleting_are_in_the_audit_log() {
        String admin = a.login(ADMIN, ADMIN_PASSWORD);
        String wu = a.staff(admin, "wu.gang", "吴刚");
        Citizen c = a.open();
        a.say(c, "社保卡补办要钱吗");
        a.handoff(c);
        b.staffPost(wu, "/api/v1/staff/conversations/{id}/claim", null, c.id()).expectStatus().isOk();
        get(b, wu, "/api/v1/staff/conversations/" + c.id());
        assertThat(audit(admin, c.id())).noneSatisfy(e -> assertThat(e.get("action")).isEqualTo("export"));

        Map<String, Object> export = b.http().get().uri("/api/v1/staff/conversations/{id}/export", c.id())
                .header("Authorization", "Bearer " + wu).exchange().expectStatus().isOk()
                .expectBody(ApiClient.JSON).returnResult().getResponseBody();
        assertThat(export).containsEntry("exported_by", "wu.gang");
        String html = get(a, wu, "/api/v1/staff/conversations/" + c.id() + "/export.html");
        assertThat(html).contains("<!DOCTYPE html>", c.id(), "社保卡补办要钱吗", "吴刚");

        List<Map<String, Object>> entries = audit(admin, c.id());
        assertThat(entries).allSatisfy(e -> assertThat(e).containsEntry("target", c.id()));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("actor", "wu.gang").containsEntry("action", "claim"));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("actor", "wu.gang").containsEntry("action", "view"));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("actor", "wu.gang").containsEntry("action", "export")
                .containsEntry("detail", "format=json"));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("actor", "wu.gang").containsEntry("action", "export")
                .containsEntry("detail", "format=html"));
        assertThat(entries).allSatisfy(e -> assertThat(e).containsKey("at"));

        // only administrators delete for a citizen, and that too is audited
        b.http().delete().uri("/api/v1/staff/conversations/{id}", c.id()).header("Authorization", "Bearer " + wu)
                .exchange().expectStatus().isForbidden();
        b.http().delete().uri("/api/v1/staff/conversations/{id}", c.id()).header("Authorization", "Bearer " + admin)
                .exchange().expectStatus().isNoContent();
        assertThat(audit(admin, c.id())).anySatisfy(e -> assertThat(e).containsEntry("actor", ADMIN)
                .containsEntry("action", "delete"));
        // staff cannot read the audit log
        a.http().get().uri("/api/v1/staff/audit").header("Authorization", "Bearer " + wu).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void every_key_but_accounts_and_the_audit_stream_expires_within_its_retention() {
        Citizen c = a.open();
        a.say(c, "社保卡补办要钱吗");
        a.login(ADMIN, ADMIN_PASSWORD);
        List<String> keys = template.scan(ScanOptions.scanOptions().match("*").count(1000).build()).collectList()
                .block(Duration.ofSeconds(10));
        assertThat(keys).contains("civic:conversation:" + c.id());
        Duration longest = RetentionPolicy.defaults().analytics().plusDays(1);
        for (String key : keys) {
            if (key.equals("civic:staff:accounts") || key.equals("civic:staff:audit")
                    || key.startsWith("civic:conversations:status:") || key.equals("civic:handoff:waiting")
                    || key.startsWith("civic:handoff:staff:")) {
                // accounts live until deleted; the audit stream is trimmed by age (MINID) on every write; the
                // indexes hold conversation ids only and drop them as the conversations go
                continue;
            }
            Duration ttl = template.getExpire(key).block(Duration.ofSeconds(5));
            assertThat(ttl).as("time to live of %s", key).isPositive().isLessThanOrEqualTo(longest);
        }
        assertThat(template.getExpire("civic:conversation:" + c.id()).block(Duration.ofSeconds(5)))
                .isLessThanOrEqualTo(RetentionPolicy.defaults().conversations());
    }

    @Test
    void with_redis_and_no_contact_key_the_server_refuses_to_start() {
        List<String> properties = new ArrayList<>(TinyKbProperties.of(TinyKbProperties.directory()));
        properties.add("spring.data.redis.url=" + redis.url());
        assertThatThrownBy(() -> new SpringApplicationBuilder(AssistantApplication.class,
                TestEmbedderConfiguration.class).run(properties.stream().map(p -> "--" + p).toArray(String[]::new)))
                .hasStackTraceContaining("assistant.privacy.contact-key is not set");
    }

    // --- helpers ---

    private static String get(ApiClient server, String staffToken, String path) {
        return server.http().get().uri(path).header("Authorization", "Bearer " + staffToken).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static List<Map<String, Object>> audit(String adminToken, String target) {
        return a.http().get().uri("/api/v1/staff/audit?limit=1000&target={t}", target)
                .header("Authorization", "Bearer " + adminToken).exchange().expectStatus().isOk()
                .expectBody(ApiClient.JSON_LIST).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static long analyticsQuestions() {
        Map<String, Object> report = a.http().get().uri("/api/v1/admin/analytics?days=7")
                .header("X-Admin-Key", ADMIN_KEY).exchange().expectStatus().isOk().expectBody(ApiClient.JSON)
                .returnResult().getResponseBody();
        return ((Number) ((Map<String, Object>) report.get("totals")).get("questions")).longValue();
    }

    /** Every key of the Redis server and every value under it, as text. */
    static String redisDump() {
        return redisDump(key -> true);
    }

    static String redisDump(java.util.function.Predicate<String> which) {
        StringBuilder out = new StringBuilder();
        List<String> keys = template.scan(ScanOptions.scanOptions().match("*").count(1000).build()).collectList()
                .block(Duration.ofSeconds(10));
        for (String key : keys.stream().filter(which).toList()) {
            out.append("\n[").append(key).append("] ");
            DataType type = template.type(key).block(Duration.ofSeconds(5));
            Object value = switch (type) {
                case STRING -> template.opsForValue().get(key).block(Duration.ofSeconds(5));
                case HASH -> template.opsForHash().entries(key).collectList().block(Duration.ofSeconds(5));
                case LIST -> template.opsForList().range(key, 0, -1).collectList().block(Duration.ofSeconds(5));
                case SET -> template.opsForSet().members(key).collectList().block(Duration.ofSeconds(5));
                case ZSET -> template.opsForZSet().rangeWithScores(key, Range.unbounded()).collectList()
                        .block(Duration.ofSeconds(5));
                case STREAM -> template.opsForStream().range(key, Range.unbounded()).collectList()
                        .block(Duration.ofSeconds(5));
                default -> "(" + type + ")";
            };
            out.append(value);
        }
        return out.toString();
    }
}
