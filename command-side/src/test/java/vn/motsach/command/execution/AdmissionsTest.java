package vn.motsach.command.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionsTest {

    private final Admissions admissions = new Admissions(1, Duration.ofMillis(200));

    @Test
    void aCommandWaitsForItsTurnAndIsToldToRetryWhenItDoesNotComeInTime() throws Exception {
        CountDownLatch deciding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admissions.admit(() -> {
            deciding.countDown();
            await(finish);
            return "first";
        }));
        assertThat(deciding.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> admissions.admit(() -> "second"))
                .isInstanceOf(CommandsBusy.class);

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(admissions.admit(() -> "third")).as("a turn is given back when a command ends").isEqualTo("third");
    }

    @Test
    void aFailedCommandGivesItsTurnBack() {
        assertThatThrownBy(() -> admissions.admit(() -> {
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(admissions.admit(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
