package vn.motsach.infra.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Kafka is and how the topic of school events is laid out. All of a school's events go to
 * one partition (key = schoolId), so partitions bound how many analytics instances share work.
 */
@ConfigurationProperties("motsach.kafka")
public record KafkaSettings(
        String bootstrapServers,
        @DefaultValue("motsach.school-events") String eventsTopic,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor) {
}
