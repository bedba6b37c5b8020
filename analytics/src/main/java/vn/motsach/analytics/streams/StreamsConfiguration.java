package vn.motsach.analytics.streams;

import java.util.List;
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
            StreamsSettings settings, EventEnvelopeCodec codec) {
        return new StreamsRunner(parts, kafka, topics, settings, codec);
    }
}
