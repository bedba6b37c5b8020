package vn.motsach.infra.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motsach.infra.security.SecuritySettings;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;

/**
 * The sign-in throttle holds across instances sharing a database: guesses made through another
 * instance (here a second throttle on the same database, as another instance's would be) make the
 * running application refuse the next sign-in from that address, and parallel guesses spread over
 * both are counted once, together. It lives in the throttle's package to build that second throttle.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motsach.security.trusted-proxies=127.0.0.1")
class SignInThrottleAcrossInstancesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    SecuritySettings settings;
    @Autowired
    Clock clock;

    @Test
    void failuresCountedByAnotherInstanceMakeThisOneWait() {
        LoginThrottle otherInstance = otherInstance();
        for (int i = 0; i < settings.loginFailuresPerAccount(); i++) {
            assertThat(otherInstance.attempt("quan-tri", "203.0.113.71")).isZero();
            otherInstance.failed("quan-tri", "203.0.113.71");
        }

        ApiClient.Answer answer = signIn("quan-tri", "203.0.113.71");
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.text("code")).isEqualTo("TOO_MANY_ATTEMPTS");
        // another address is not held back by them
        assertThat(signIn("quan-tri", "203.0.113.72").status()).isEqualTo(401);
    }

    @Test
    void parallelGuessesOverTwoInstancesMeetOneLimit() throws Exception {
        LoginThrottle one = otherInstance();
        LoginThrottle two = otherInstance();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Long>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                LoginThrottle instance = i % 2 == 0 ? one : two;
                attempts.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return instance.attempt("thu-thu", "203.0.113.81");
                }, threads));
            }
            start.countDown();
            List<Long> waits = attempts.stream().map(CompletableFuture::join).toList();
            assertThat(waits).filteredOn(wait -> wait == 0).hasSize(settings.loginFailuresPerAccount());
        } finally {
            threads.shutdownNow();
        }
    }

    private LoginThrottle otherInstance() {
        return new LoginThrottle(settings.loginFailuresPerAccount(), settings.loginFailuresPerAddress(),
                settings.loginLongestWait(), clock, new ThrottleCounts.InDatabase(jdbc, new TransactionTemplate(transactionManager)));
    }

    private ApiClient.Answer signIn(String username, String address) {
        return new ApiClient(port).as(null).post("/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"sai-mat-khau-roi\"}", "X-Forwarded-For", address);
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
