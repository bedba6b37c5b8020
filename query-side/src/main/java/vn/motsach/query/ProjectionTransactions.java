package vn.motsach.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The projections' batches commit without waiting for PostgreSQL to flush them to disk. A
 * projection's rows and its processor's token are written in one transaction, so a crash loses
 * the last few batches whole, and the processor applies their events again from the store; what
 * it saves is the flush every batch would otherwise wait for, which the desks' commands, whose
 * events must be durable before they are acknowledged, queue behind on the same disk.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionTransactions {

    @Bean
    ConfigurerModule projectionsCommitWithoutWaitingForTheFlush(ListableBeanFactory beans, TransactionManager transactions,
            DataSource dataSource) {
        WithoutFlushWait withoutFlushWait = new WithoutFlushWait(transactions, dataSource);
        return configurer -> Projections.in(beans).keySet().forEach(projection -> configurer.eventProcessing()
                .registerTransactionManager(projection, configuration -> withoutFlushWait));
    }

    /** Each transaction the delegate starts, told to commit without waiting for the flush. */
    static final class WithoutFlushWait implements TransactionManager {

        private final TransactionManager delegate;
        private final DataSource dataSource;

        WithoutFlushWait(TransactionManager delegate, DataSource dataSource) {
            this.delegate = delegate;
            this.dataSource = dataSource;
        }

        @Override
        public Transaction startTransaction() {
            Transaction transaction = delegate.startTransaction();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try (Statement statement = connection.createStatement()) {
                // local: the setting ends with this transaction, and the pooled connection goes back as it came
                statement.execute("set local synchronous_commit to off");
            } catch (SQLException | RuntimeException e) {
                transaction.rollback();
                throw new IllegalStateException("Could not start a projection's transaction", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            return transaction;
        }
    }
}
