package vn.motsach.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import vn.motsach.infra.background.BackgroundThreads;

class CommittedAggregateCacheTest {

    private final CommittedAggregateCache cache = new CommittedAggregateCache(3);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aSaveIsSeenOnlyOnceItsTransactionCommits() {
        cache.put("copy:1", "v1");
        TransactionSynchronizationManager.initSynchronization();

        cache.put("copy:1", "v2");

        assertThat(cache.<String, Object>get("copy:1")).as("uncommitted state is never handed out").isNull();
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_COMMITTED);
        TransactionSynchronizationUtils.triggerAfterCommit();
        assertThat(cache.<String, Object>get("copy:1")).isEqualTo("v2");
    }

    @Test
    void aRolledBackSaveLeavesTheEntryOut() {
        cache.put("copy:1", "v1");
        TransactionSynchronizationManager.initSynchronization();

        cache.put("copy:1", "v2");
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(cache.containsKey("copy:1")).as("the next load reads the store").isFalse();
    }

    @Test
    void backgroundWorkKeepsNothingAndTakesStaleEntriesOut() throws Exception {
        cache.put("copy:1", "v1");
        ExecutorService imports = Executors.newSingleThreadExecutor(BackgroundThreads.single("test-imports"));
        try {
            imports.submit(() -> {
                cache.put("copy:1", "v2");
                cache.put("copy:2", "new");
            }).get(30, TimeUnit.SECONDS);
        } finally {
            imports.shutdownNow();
        }

        assertThat(cache.containsKey("copy:1")).as("the next load reads the store").isFalse();
        assertThat(cache.containsKey("copy:2")).as("an imported copy no desk has used").isFalse();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theLeastRecentlyUsedEntriesGoFirst() {
        CommittedAggregateCache ten = new CommittedAggregateCache(10);
        for (int i = 0; i < 10; i++) {
            ten.put("copy:" + i, i);
        }
        ten.get("copy:0");

        ten.put("copy:10", 10);

        assertThat(ten.size()).isLessThanOrEqualTo(10);
        assertThat(ten.containsKey("copy:0")).as("used a moment ago").isTrue();
        assertThat(ten.containsKey("copy:10")).as("just saved").isTrue();
        assertThat(ten.containsKey("copy:1")).as("the oldest unused").isFalse();
    }
}
