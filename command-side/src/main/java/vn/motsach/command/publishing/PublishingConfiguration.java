package vn.motsach.command.publishing;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.infra.kafka.EventEnvelopeCodec;
import vn.motsach.infra.kafka.KafkaSettings;
import vn.motsach.infra.kafka.KafkaTopics;

@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    /**
     * Room for a whole batch of the publishing processor (200 events of a few hundred bytes each)
     * in one of the producer's batches. Kafka's default of 16 KB split each of an import's batches
     * into several requests, each one of the broker's acknowledged writes, and the broker shares
     * the cores with the desks.
     */
    private static final int PROCESSOR_BATCH_BYTES = 128 * 1024;

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> eventProducer(KafkaSettings settings) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "motsach-event-publisher",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // a processor's batch of events in one request: the broker's work is per request
                ProducerConfig.BATCH_SIZE_CONFIG, PROCESSOR_BATCH_BYTES,
                "max.in.flight.requests.per.connection", 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    KafkaEventPublisher kafkaEventPublisher(Producer<String, byte[]> eventProducer, EventEnvelopeCodec codec,
            KafkaTopics topics) {
        return new KafkaEventPublisher(eventProducer, codec, topics);
    }
}
