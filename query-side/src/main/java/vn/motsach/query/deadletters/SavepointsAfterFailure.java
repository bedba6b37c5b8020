package vn.motsach.query.deadletters;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motsach.query.Projections;

/**
 * Lets a projection's dead-letter queue record a failed event in the batch it failed in.
 * PostgreSQL aborts a transaction at its first failed statement, so after a handler's failed
 * write the queue could store nothing and the whole batch would fail again and again. A handler
 * run inside a savepoint is undone alone instead. Savepoints are taken only once a handler of the
 * processing group has failed: each costs a round trip, and more than 64 in one transaction slow
 * every reader of the database (the subtransaction cache overflows), so healthy batches run
 * without them. The failed batch is rolled back and retried by its processor; in the retry the
 * failing handler is undone to its savepoint and its event dead-lettered, and once a batch that
 * passed that event commits the group runs without savepoints again.
 */
final class SavepointsAfterFailure implements HandlerEnhancerDefinition {

    private final DataSource dataSource;
    /** Per processing group in recovery, the id of the event that failed. */
    private final Map<String, String> failedEvents = new ConcurrentHashMap<>();

    SavepointsAfterFailure(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        Optional<String> projection = Projections.nameOf(original.declaringClass());
        if (projection.isEmpty() || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        String group = projection.get();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return guarded(group, message, () -> super.handle(message, target));
            }
        };
    }

    private Object guarded(String group, Message<?> message, Handling handling) throws Exception {
        String failed = failedEvents.get(group);
        if (failed == null || !TransactionSynchronizationManager.isActualTransactionActive()) {
            try {
                return handling.handle();
            } catch (Exception | Error e) {
                if (!replaying() && failedEvents.putIfAbsent(group, message.getIdentifier()) == null) {
                    // a failure that left the transaction usable (not a failed statement) is
                    // dead-lettered in this very batch: its commit ends the recovery at once
                    endRecoveryOnCommit(group, message.getIdentifier());
                }
                throw e;
            }
        }
        if (failed.equals(message.getIdentifier())) {
            // the batch that passes the failed event, applied or dead-lettered, ends the recovery
            endRecoveryOnCommit(group, failed);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            Object result;
            try {
                result = handling.handle();
            } catch (Exception | Error e) {
                connection.rollback(savepoint);
                throw e;
            }
            connection.releaseSavepoint(savepoint);
            return result;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void endRecoveryOnCommit(String group, String failed) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root()
                .afterCommit(committed -> failedEvents.remove(group, failed)));
    }

    /** A replay applies each parked event in a transaction of its own: a failure there spoils no batch. */
    private static boolean replaying() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }

    @FunctionalInterface
    private interface Handling {
        Object handle() throws Exception;
    }
}
