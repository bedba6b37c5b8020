package vn.motsach.analytics.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import vn.motsach.testing.MutableClock;

/** A Streams instance whose threads keep failing on a record is down with the error, although it is RUNNING. */
class StreamsHealthIndicatorTest {

    private final MutableClock clock = MutableClock.at(LocalDate.of(2026, 9, 7), LocalTime.of(8, 0));
    private final StreamFailures failures = new StreamFailures(clock);
    private final StreamsHealthIndicator health = new StreamsHealthIndicator(() -> KafkaStreams.State.RUNNING, failures, clock);

    @Test
    void runningWithoutFailuresIsUp() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void threadsFailingOverAndOverAreDownWithTheError() {
        failures.record(new IllegalStateException("cannot read record at offset 42"));
        clock.advance(Duration.ofSeconds(5));
        failures.record(new IllegalStateException("cannot read record at offset 42"));

        Health down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(down.getDetails().get("reason"))).contains("2 so far").contains("offset 42");
        assertThat(down.getDetails().get("state")).isEqualTo("RUNNING");
    }

    @Test
    void aFailureThatDoesNotComeBackIsUpAgainAfterAMinute() {
        failures.record(new IllegalStateException("broker went away"));
        clock.advance(StreamsHealthIndicator.FAILING_FOR.plusSeconds(1));

        Health up = health.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsKey("lastThreadFailure");
    }

    @Test
    void anInstanceInErrorIsDownWithItsState() {
        Health down = new StreamsHealthIndicator(() -> KafkaStreams.State.ERROR, failures, clock).health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(down.getDetails().get("reason"))).contains("ERROR");
    }
}
