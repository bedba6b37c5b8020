package vn.motsach.local;

import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.motsach.analytics.streams.StreamsRunner;
import vn.motsach.embedded.EmbeddedStack;
import vn.motsach.infra.kafka.KafkaSettings;

/** One line per component: what started and where. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final ObjectProvider<EmbeddedStack> embedded;
    private final Environment environment;
    private final EventProcessingConfiguration processing;
    private final KafkaSettings kafka;
    private final StreamsRunner streams;

    StartupReport(ObjectProvider<EmbeddedStack> embedded, Environment environment, EventProcessingConfiguration processing,
            KafkaSettings kafka, StreamsRunner streams) {
        this.embedded = embedded;
        this.environment = environment;
        this.processing = processing;
        this.kafka = kafka;
        this.streams = streams;
    }

    @EventListener
    void ready(ApplicationReadyEvent ready) {
        Optional.ofNullable(embedded.getIfAvailable()).ifPresent(stack -> log.info("Embedded stack: {}", stack.describe()));
        log.info("PostgreSQL: {}", environment.getProperty("spring.datasource.url"));
        log.info("Kafka: {} (events topic {})", kafka.bootstrapServers(), kafka.eventsTopic());
        log.info("Event processors: {}", String.join(", ", processing.eventProcessors().keySet()));
        log.info("Analytics: Kafka Streams {}", streams.state());
        int port = ready.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        log.info("Mọt Sách is ready on http://localhost:{} (health: /actuator/health, API docs: /swagger-ui.html)", port);
    }
}
