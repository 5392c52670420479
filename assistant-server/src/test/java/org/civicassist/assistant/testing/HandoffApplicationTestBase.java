package org.civicassist.assistant.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;

/**
 * One application (embedded default: in-memory store, queue and events) over the tiny KB, shared by the handoff,
 * staff and security tests: a bootstrap administrator, office hours Monday to Friday in Asia/Shanghai and a clock the
 * tests set (each test starts on a Monday morning, inside office hours).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "assistant.staff.bootstrap.username=" + HandoffApplicationTestBase.ADMIN,
        "assistant.staff.bootstrap.password=" + HandoffApplicationTestBase.ADMIN_PASSWORD,
        "assistant.handoff.heartbeat=1s",
        "assistant.handoff.office-hours.weekly=MON-FRI 09:00-12:00 13:30-17:30",
        "assistant.handoff.office-hours.holidays=2026-05-01..2026-05-05"})
@Import({TestEmbedderConfiguration.class, HandoffApplicationTestBase.Clocks.class})
public abstract class HandoffApplicationTestBase {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-1";
    /** Monday 9 March 2026, 10:00 in Shanghai. */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-03-09T02:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    public static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(MONDAY_MORNING);
        }
    }

    @DynamicPropertySource
    static void tinyKb(DynamicPropertyRegistry registry) {
        TinyKbProperties.register(registry, TinyKbProperties.directory());
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    protected ApiClient api;

    @BeforeEach
    void resetClock() {
        clock.set(MONDAY_MORNING);
        api = new ApiClient(port);
    }
}
