package org.civicassist.assistant.config;

import org.civicassist.assistant.audit.AuditLog;
import org.civicassist.assistant.audit.InMemoryAuditLog;
import org.civicassist.assistant.audit.RedisAuditLog;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.handoff.CitizenEventStream;
import org.civicassist.assistant.privacy.ContactStore;
import org.civicassist.assistant.privacy.ConversationEraser;
import org.civicassist.assistant.privacy.RetentionPolicy;
import org.civicassist.assistant.handoff.HandoffEvents;
import org.civicassist.assistant.handoff.HandoffProperties;
import org.civicassist.assistant.handoff.HandoffQueue;
import org.civicassist.assistant.handoff.HandoffService;
import org.civicassist.assistant.handoff.InMemoryHandoffQueue;
import org.civicassist.assistant.handoff.InProcessHandoffEvents;
import org.civicassist.assistant.handoff.NegativeFeedbackHandoff;
import org.civicassist.assistant.handoff.OfficeHours;
import org.civicassist.assistant.handoff.RedisHandoffEvents;
import org.civicassist.assistant.handoff.RedisHandoffQueue;
import org.civicassist.assistant.security.AccountService;
import org.civicassist.assistant.security.BootstrapAdministrator;
import org.civicassist.assistant.security.InMemoryStaffAccounts;
import org.civicassist.assistant.security.InMemoryStaffSessions;
import org.civicassist.assistant.security.LoginService;
import org.civicassist.assistant.security.RedisStaffAccounts;
import org.civicassist.assistant.security.RedisStaffSessions;
import org.civicassist.assistant.security.StaffAccounts;
import org.civicassist.assistant.security.StaffProperties;
import org.civicassist.assistant.security.StaffSessions;
import org.civicassist.assistant.staff.StaffController.StaffSettings;
import org.civicassist.assistant.staff.StaffService;
import org.civicassist.assistant.analytics.AnalyticsStore;
import org.civicassist.assistant.maintain.FaqHistory;
import org.civicassist.assistant.maintain.ConversationLog;
import org.civicassist.assistant.maintain.GapLinks;
import org.civicassist.assistant.maintain.KbEditService;
import org.civicassist.assistant.teach.InMemorySuggestionStore;
import org.civicassist.assistant.teach.RedisSuggestionStore;
import org.civicassist.assistant.teach.SuggestionStore;
import org.civicassist.assistant.teach.TeachService;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

/**
 * Wires human handoff and the staff side: the queue, the events between citizens and staff, office hours, staff
 * accounts, sessions and the audit log. In Redis when {@code spring.data.redis.url} is set (shared by every
 * instance), in memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HandoffProperties.class, StaffProperties.class})
public class HandoffConfiguration {

    @Bean
    OfficeHours officeHours(HandoffProperties properties) {
        return properties.officeHours().toOfficeHours();
    }

    @Bean
    HandoffService handoffService(ConversationStore store, AssistantProperties assistant, HandoffQueue queue,
                                  HandoffEvents events, OfficeHours hours, Clock clock,
                                  HandoffProperties properties, ContactStore contacts, RetentionPolicy retention) {
        return new HandoffService(store, assistant.chat().maxEntries(), queue, events, hours, clock, properties,
                contacts, retention);
    }

    @Bean
    NegativeFeedbackHandoff negativeFeedbackHandoff(HandoffService handoffs) {
        return new NegativeFeedbackHandoff(handoffs);
    }

    @Bean
    CitizenEventStream citizenEventStream(ConversationStore store, HandoffQueue queue, HandoffEvents events,
                                          HandoffProperties properties) {
        return new CitizenEventStream(store, queue, events, properties.heartbeat());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    LoginService loginService(StaffAccounts accounts, StaffSessions sessions, PasswordEncoder encoder,
                              AuditLog audit, Clock clock, StaffProperties properties) {
        return new LoginService(accounts, sessions, encoder, audit, clock, properties.maxLoginFailures(),
                properties.loginFailureWindow());
    }

    @Bean
    AccountService accountService(StaffAccounts accounts, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        return new AccountService(accounts, encoder, audit, clock);
    }

    @Bean
    BootstrapAdministrator bootstrapAdministrator(StaffAccounts accounts, AccountService service,
                                                  StaffProperties properties) {
        return new BootstrapAdministrator(accounts, service, properties.bootstrap());
    }

    @Bean
    StaffService staffService(ConversationStore store, HandoffQueue queue, HandoffEvents events,
                              StaffAccounts accounts, AuditLog audit, KnowledgeBaseService knowledge, Clock clock,
                              AssistantProperties assistant, HandoffProperties properties, ContactStore contacts,
                              RetentionPolicy retention, ConversationEraser eraser) {
        return new StaffService(store, queue, events, accounts, audit, knowledge, clock,
                assistant.chat().maxMessageLength(), assistant.chat().maxEntries(), properties.queueLimit(),
                contacts, retention, eraser);
    }

    @Bean
    TeachService teachService(SuggestionStore suggestions, KnowledgeBaseService knowledge, AuditLog audit,
                              Clock clock, RetentionPolicy retention) {
        return new TeachService(suggestions, knowledge, audit, clock, retention.analytics());
    }

    @Bean
    KbEditService kbEditService(KnowledgeBaseService knowledge, AuditLog audit, Clock clock, TeachService teach) {
        KbEditService edits = new KbEditService(knowledge, new FaqHistory(clock), audit, clock);
        teach.recordChangesWith(edits::recorded);
        return edits;
    }

    @Bean
    GapLinks gapLinks(AnalyticsStore analytics, TeachService teach, AssistantProperties assistant, Clock clock,
                      RetentionPolicy retention) {
        return new GapLinks(analytics, teach, assistant.analytics().zoneId(), clock, retention.analyticsDays());
    }

    @Bean
    ConversationLog conversationLog(ConversationStore store, TeachService teach, AuditLog audit,
                                    AssistantProperties assistant, Clock clock) {
        return new ConversationLog(store, teach, audit, assistant.analytics().zoneId(), clock);
    }

    @Bean
    StaffSettings staffSettings(HandoffProperties properties) {
        return new StaffSettings(properties.heartbeat());
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(StoreConfiguration.RedisUrlSet.class)
    static class InRedis {

        @Bean
        RedisHandoffQueue redisHandoffQueue(ReactiveStringRedisTemplate redis, AssistantProperties properties) {
            return new RedisHandoffQueue(redis, properties.redis().keyPrefix());
        }

        @Bean(destroyMethod = "close")
        RedisHandoffEvents redisHandoffEvents(ReactiveStringRedisTemplate redis,
                                              ReactiveRedisConnectionFactory connections,
                                              AssistantProperties properties) {
            return new RedisHandoffEvents(redis, connections, properties.redis().keyPrefix());
        }

        @Bean
        RedisStaffAccounts redisStaffAccounts(ReactiveStringRedisTemplate redis, AssistantProperties properties) {
            return new RedisStaffAccounts(redis, properties.redis().keyPrefix());
        }

        @Bean
        RedisStaffSessions redisStaffSessions(ReactiveStringRedisTemplate redis, AssistantProperties properties,
                                              StaffProperties staff, RetentionPolicy retention, Clock clock) {
            return new RedisStaffSessions(redis, properties.redis().keyPrefix(), retention.staffSessions(),
                    staff.eventsTicketTtl(), clock);
        }

        @Bean
        RedisSuggestionStore redisSuggestionStore(ReactiveStringRedisTemplate redis,
                                                  AssistantProperties properties) {
            return new RedisSuggestionStore(redis, properties.redis().keyPrefix());
        }

        @Bean
        RedisAuditLog redisAuditLog(ReactiveStringRedisTemplate redis, AssistantProperties properties,
                                    StaffProperties staff, RetentionPolicy retention, Clock clock) {
            return new RedisAuditLog(redis, properties.redis().keyPrefix(), staff.auditCapacity(),
                    retention.audit(), clock);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(StoreConfiguration.RedisUrlNotSet.class)
    static class InMemory {

        @Bean
        InMemoryHandoffQueue inMemoryHandoffQueue() {
            return new InMemoryHandoffQueue();
        }

        @Bean(destroyMethod = "close")
        InProcessHandoffEvents inProcessHandoffEvents() {
            return new InProcessHandoffEvents();
        }

        @Bean
        InMemoryStaffAccounts inMemoryStaffAccounts() {
            return new InMemoryStaffAccounts();
        }

        @Bean
        InMemoryStaffSessions inMemoryStaffSessions(StaffProperties staff, RetentionPolicy retention, Clock clock) {
            return new InMemoryStaffSessions(retention.staffSessions(), staff.eventsTicketTtl(), clock);
        }

        @Bean
        InMemorySuggestionStore inMemorySuggestionStore() {
            return new InMemorySuggestionStore();
        }

        @Bean
        InMemoryAuditLog inMemoryAuditLog(StaffProperties staff, RetentionPolicy retention, Clock clock) {
            return new InMemoryAuditLog(Math.min(staff.auditCapacity(), 10_000), retention.audit(), clock);
        }
    }
}
