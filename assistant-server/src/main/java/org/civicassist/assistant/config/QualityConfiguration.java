package org.civicassist.assistant.config;

import org.civicassist.assistant.audit.AuditLog;
import org.civicassist.assistant.quality.QualityProperties;
import org.civicassist.assistant.quality.QualityRunner;
import org.civicassist.assistant.quality.ReportTickets;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.civicassist.nlp.ChineseNlp;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The quality screen: the evaluation harness run as a process on the KB this server serves. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QualityProperties.class)
public class QualityConfiguration {

    /** Closed with the application context: a run still going is ended with the server. */
    @Bean(destroyMethod = "close")
    QualityRunner qualityRunner(QualityProperties properties, KnowledgeBaseService knowledge, ChineseNlp nlp,
                                AuditLog audit, Clock clock) {
        return new QualityRunner(properties.settings(),
                () -> knowledge.source().directory().map(d -> d.toAbsolutePath().toString()).orElse("bundled"),
                nlp.understander()::mask, audit, clock);
    }

    @Bean
    ReportTickets reportTickets(Clock clock) {
        return new ReportTickets(clock);
    }
}
