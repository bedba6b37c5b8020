package vn.motsach.infra.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MovingClock clock = new MovingClock();
    private final LoginThrottle throttle = new LoginThrottle(5, 50, Duration.ofMinutes(15), clock);

    @Test
    void afterFiveFailuresEachAttemptWaitsTwiceAsLongUpToTheLongestWait() {
        fail("admin", "203.0.113.9", 5);
        assertThat(throttle.attempt("admin", "203.0.113.9")).isEqualTo(1);

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            long wait = throttle.attempt("admin", "203.0.113.9");
            clock.advance(Duration.ofSeconds(wait));
            assertThat(throttle.attempt("admin", "203.0.113.9")).isZero();
            throttle.failed("admin", "203.0.113.9");
            waits.add(wait);
        }
        assertThat(waits).startsWith(1L, 2L, 4L, 8L, 16L).endsWith(900L, 900L);
        assertThat(waits).isSorted();
    }

    @Test
    void aSuccessClearsTheAccountsCount() {
        fail("thu-thu", "10.0.0.1", 4);
        assertThat(throttle.attempt("thu-thu", "10.0.0.1")).isZero();
        throttle.succeeded("thu-thu", "10.0.0.1");

        fail("thu-thu", "10.0.0.1", 4);
        assertThat(throttle.attempt("thu-thu", "10.0.0.1")).isZero();
    }

    @Test
    void guessesFromOneAddressDoNotMakeTheAccountWaitElsewhere() {
        fail("admin", "203.0.113.9", 10);
        assertThat(throttle.attempt("admin", "203.0.113.9")).isPositive();
        assertThat(throttle.attempt("admin", "10.0.0.1")).isZero();
    }

    @Test
    void oneAddressMayFailMuchMoreThanOneAccountBeforeItWaits() {
        for (int i = 0; i < 49; i++) {
            fail("hoc-sinh-" + i, "198.51.100.7", 1);
        }
        assertThat(throttle.attempt("giao-vien", "198.51.100.7")).isZero();
        throttle.failed("giao-vien", "198.51.100.7");
        assertThat(throttle.attempt("hieu-truong", "198.51.100.7")).isEqualTo(1);
        assertThat(throttle.attempt("hieu-truong", "198.51.100.8")).isZero();
    }

    @Test
    void aSchoolsTyposOverADayNeverMakeItsAddressWait() {
        for (int i = 0; i < 720; i++) {
            assertThat(throttle.attempt("hoc-sinh-" + (i % 100), "198.51.100.7")).as("typo %d", i).isZero();
            throttle.failed("hoc-sinh-" + (i % 100), "198.51.100.7");
            clock.advance(Duration.ofMinutes(2));
        }
    }

    @Test
    void successesFromASharedAddressDoNotAddUp() {
        for (int i = 0; i < 200; i++) {
            assertThat(throttle.attempt("thu-thu", "198.51.100.7")).isZero();
            throttle.succeeded("thu-thu", "198.51.100.7");
        }
        assertThat(throttle.attempt("giao-vien", "198.51.100.7")).isZero();
    }

    @Test
    void theWaitEndsAndIsForgottenAfterAQuietHour() {
        fail("admin", "203.0.113.9", 12);
        assertThat(throttle.attempt("admin", "203.0.113.9")).isEqualTo(128);
        clock.advance(Duration.ofMinutes(80));
        fail("admin", "203.0.113.9", 5);
        assertThat(throttle.attempt("admin", "203.0.113.9")).isEqualTo(1);
    }

    @Test
    void parallelAttemptsAreCountedBeforeAnyIsTried() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                attempts.add(threads.submit((Callable<Long>) () -> {
                    start.await();
                    return throttle.attempt("admin", "203.0.113.9");
                }));
            }
            start.countDown();
            int tried = 0;
            for (Future<Long> attempt : attempts) {
                tried += attempt.get() == 0 ? 1 : 0;
            }
            assertThat(tried).isEqualTo(5);
        } finally {
            threads.shutdownNow();
        }
    }

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            long wait = throttle.attempt(username, address);
            if (wait > 0) {
                clock.advance(Duration.ofSeconds(wait));
                assertThat(throttle.attempt(username, address)).as("attempt %d", i + 1).isZero();
            }
            throttle.failed(username, address);
        }
    }

    private static final class MovingClock extends Clock {

        private volatile Instant now = Instant.parse("2026-11-02T01:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
