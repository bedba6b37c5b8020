package vn.motsach.analytics.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import vn.motsach.infra.web.ApiProblem;

/** A single instance (no application server) answers everything itself, within a bounded wait for its stores. */
class InstanceRouterTest {

    private final InstanceRouter router = new InstanceRouter(null,
            new StreamsSettings("motsach-analytics", null, "exactly_once_v2", 1000, 2, 10000, null));

    @Test
    void answersWhatItComputes() {
        assertThat(router.answer("store", "school", new MockHttpServletRequest(), () -> Map.of("loans", 3)))
                .isEqualTo(Map.of("loans", 3));
    }

    @Test
    void aRefusalComesBackAsItWasThrown() {
        assertThatThrownBy(() -> router.answer("store", "school", new MockHttpServletRequest(), () -> {
            throw ApiProblem.notFound("SCHOOL_NOT_FOUND", "school");
        })).isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void storesThatDoNotAnswerInTimeAreUnavailableRatherThanAWait() throws InterruptedException {
        CountDownLatch stuck = new CountDownLatch(1);
        long started = System.nanoTime();
        try {
            assertThatThrownBy(() -> router.answer("store", "school", new MockHttpServletRequest(), () -> {
                try {
                    stuck.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Map.of();
            })).isInstanceOf(InvalidStateStoreException.class);
        } finally {
            stuck.countDown();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(InstanceRouter.LOCAL_WAIT.plusSeconds(5));
    }
}
