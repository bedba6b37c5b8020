package vn.motsach.infra.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@EnableConfigurationProperties(KafkaSettings.class)
@ConditionalOnProperty("motsach.kafka.bootstrap-servers")
public class KafkaAutoConfiguration {

    @Bean
    public KafkaTopics kafkaTopics(KafkaSettings settings) {
        return new KafkaTopics(settings);
    }

    @Bean
    public EventEnvelopeCodec eventEnvelopeCodec() {
        return new EventEnvelopeCodec();
    }

    @Bean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaSettings settings) {
        return new KafkaHealthIndicator(settings);
    }
}
