package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motsach.query.Projections;

/**
 * Every projection's batches commit without waiting for the disk's flush, and only theirs: the
 * setting is local to the batch's transaction, so the pooled connection comes back durable for
 * whatever borrows it next.
 */
class ProjectionTransactionsIT extends RunningQuerySide {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ListableBeanFactory beans;

    @Test
    void eachProjectionsBatchCommitsWithoutWaitingForTheFlushAndNothingElseDoes() {
        Set<String> projections = Projections.in(beans).keySet();
        assertThat(projections).contains("catalogue", "loans");
        for (String projection : projections) {
            Transaction batch = processing.transactionManager(projection).startTransaction();
            try {
                assertThat(synchronousCommit()).as(projection).isEqualTo("off set here");
            } finally {
                batch.commit();
            }
            assertThat(synchronousCommit()).as("after " + projection).doesNotEndWith("set here");
        }
        Transaction other = transactions.startTransaction();
        try {
            assertThat(synchronousCommit()).doesNotEndWith("set here");
        } finally {
            other.commit();
        }
    }

    /**
     * The setting, and whether this transaction set it: the tests' PostgreSQL does not flush at
     * all (it keeps no data a person keeps), so the value alone would not tell.
     */
    private String synchronousCommit() {
        return jdbc.sql("""
                        select setting || case when source = 'session' then ' set here' else '' end
                        from pg_settings where name = 'synchronous_commit'""")
                .query(String.class).single();
    }
}
