package vn.motsach.analytics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.analytics.streams.EventSerde;
import vn.motsach.analytics.streams.StreamFailures;
import vn.motsach.analytics.streams.StreamsRunner;
import vn.motsach.analytics.streams.StreamsSettings;
import vn.motsach.infra.kafka.EventEnvelopeCodec;
import vn.motsach.infra.kafka.KafkaSettings;
import vn.motsach.infra.kafka.KafkaTopics;

/** Runs {@link AnalyticsTopology} as the analytics Streams application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamsSettings.class)
class AnalyticsConfiguration {

    @Bean
    StreamsRunner streamsRunner(KafkaSettings kafka, KafkaTopics topics, StreamsSettings settings,
            EventEnvelopeCodec codec, StreamFailures failures, @Value("${motsach.data-dir:./data}") String dataDirectory) {
        StreamsSettings located = settings.stateDirectory() != null ? settings
                : new StreamsSettings(settings.applicationId(), Path.of(dataDirectory, "streams").toString(),
                        settings.processingGuarantee(), settings.commitIntervalMs(), settings.threads(),
                        settings.sessionTimeoutMs(), settings.applicationServer());
        Properties config = StreamsRunner.config(kafka, located);
        return new StreamsRunner(AnalyticsTopology.build(topics.eventsTopic(), EventSerde.of(codec), config), config,
                failures);
    }

    /** {@code motsach.streams.lag}: across instances, their sum is what the analytics have still to count. */
    @Bean
    MeterBinder streamsLag(StreamsRunner streams) {
        return meters -> Gauge.builder("motsach.streams.lag", streams, StreamsRunner::recordsBehind)
                .description("Events waiting in the partitions this analytics instance reads").baseUnit("events")
                .register(meters);
    }

    @Bean
    StreamFailures streamFailures(Clock clock) {
        return new StreamFailures(clock);
    }
}
