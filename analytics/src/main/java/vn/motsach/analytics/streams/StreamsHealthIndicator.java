package vn.motsach.analytics.streams;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Streams is up while running or rebalancing (metrics may then lag, but nothing is lost) and no
 * stream thread has failed in the last minute. A replaced thread that cannot process a record
 * fails again within seconds, so failures that keep coming keep it down, with the error as the
 * reason; a one-off failure shows for a minute, and then among the details only.
 */
@Component("kafkaStreams")
class StreamsHealthIndicator implements HealthIndicator {

    static final Duration FAILING_FOR = Duration.ofMinutes(1);

    private final Supplier<KafkaStreams.State> state;
    private final StreamFailures failures;
    private final Clock clock;

    @Autowired
    StreamsHealthIndicator(StreamsRunner streams, StreamFailures failures, Clock clock) {
        this(streams::state, failures, clock);
    }

    StreamsHealthIndicator(Supplier<KafkaStreams.State> state, StreamFailures failures, Clock clock) {
        this.state = state;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public Health health() {
        KafkaStreams.State now = state.get();
        Health.Builder health = switch (now) {
            case RUNNING, REBALANCING -> Health.up();
            case CREATED -> Health.outOfService();
            default -> Health.down().withDetail("reason", "Kafka Streams is " + now);
        };
        health.withDetail("state", now.name());
        failures.last().ifPresent(failure -> {
            health.withDetail("lastThreadFailure", failure);
            if (failure.at().plus(FAILING_FOR).isAfter(clock.instant())) {
                health.down().withDetail("reason", "stream threads failing (" + failure.count() + " so far), last at "
                        + failure.at() + ": " + failure.error());
            }
        });
        return health.build();
    }
}
