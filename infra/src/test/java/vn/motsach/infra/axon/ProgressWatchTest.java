package vn.motsach.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When a processor counts as stalled: behind the head without moving, for longer than the patience since first seen so. */
class ProgressWatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Instant now = Instant.parse("2026-09-07T01:00:00Z");
    private final ProgressWatch watch = new ProgressWatch(PATIENCE, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void standingStillBehindTheHeadLongerThanThePatienceIsAStall() {
        assertThat(watch.observe("patrons", 100, 105)).isEmpty();
        later(Duration.ofSeconds(59));
        assertThat(watch.observe("patrons", 100, 110)).isEmpty();
        later(Duration.ofSeconds(2));
        var stall = watch.observe("patrons", 100, 110);
        assertThat(stall).isPresent();
        assertThat(stall.get().reason()).contains("position 100").contains("10 events wait");
        assertThat(watch.observeAgain("patrons", 111)).isPresent();
    }

    @Test
    void movingOrCaughtUpIsNoStall() {
        watch.observe("patrons", 100, 105);
        later(Duration.ofMinutes(5));
        assertThat(watch.observe("patrons", 101, 105)).as("it moved").isEmpty();
        later(Duration.ofMinutes(5));
        watch.observe("patrons", 105, 105);
        later(Duration.ofMinutes(5));
        assertThat(watch.observe("patrons", 105, 105)).as("caught up, idle").isEmpty();
        assertThat(watch.observe("patrons", 105, 120)).as("events just arrived after an idle spell").isEmpty();
    }

    @Test
    void aForgottenProcessorIsNotJudged() {
        watch.observe("patrons", 100, 105);
        later(Duration.ofMinutes(5));
        watch.forget("patrons");
        assertThat(watch.observeAgain("patrons", 105)).isEmpty();
    }

    @Test
    void oneReleasedBeforeItWasEverSeenIsCountedFromTheStart() {
        assertThat(watch.observeAgain("patrons", 105)).isEmpty();
        later(Duration.ofSeconds(61));
        var stall = watch.observeAgain("patrons", 106);
        assertThat(stall).isPresent();
        assertThat(stall.get().reason()).contains("position 0");
    }

    private void later(Duration duration) {
        now = now.plus(duration);
    }
}
