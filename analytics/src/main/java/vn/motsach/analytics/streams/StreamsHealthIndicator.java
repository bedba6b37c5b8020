package vn.motsach.analytics.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Streams is up while running or rebalancing; metrics may then lag, but nothing is lost. */
@Component("kafkaStreams")
class StreamsHealthIndicator implements HealthIndicator {

    private final StreamsRunner streams;

    StreamsHealthIndicator(StreamsRunner streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        Health.Builder health = switch (state) {
            case RUNNING, REBALANCING -> Health.up();
            case CREATED -> Health.outOfService();
            default -> Health.down();
        };
        return health.withDetail("state", state.name()).build();
    }
}
