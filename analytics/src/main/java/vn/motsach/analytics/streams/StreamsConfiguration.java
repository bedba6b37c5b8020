package vn.motsach.analytics.streams;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.infra.kafka.EventEnvelopeCodec;
import vn.motsach.infra.kafka.KafkaSettings;
import vn.motsach.infra.kafka.KafkaTopics;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamsSettings.class)
class StreamsConfiguration {

    @Bean
    StreamsRunner streamsRunner(List<TopologyPart> parts, KafkaSettings kafka, KafkaTopics topics,
            StreamsSettings settings, EventEnvelopeCodec codec, StreamFailures failures,
            @Value("${motsach.data-dir:./data}") String dataDirectory) {
        StreamsSettings located = settings.stateDirectory() != null ? settings
                : new StreamsSettings(settings.applicationId(), Path.of(dataDirectory, "streams").toString(),
                        settings.processingGuarantee(), settings.commitIntervalMs(), settings.threads(),
                        settings.sessionTimeoutMs(), settings.applicationServer());
        return new StreamsRunner(parts, kafka, topics, located, codec, failures);
    }

    @Bean
    StreamFailures streamFailures(Clock clock) {
        return new StreamFailures(clock);
    }
}
