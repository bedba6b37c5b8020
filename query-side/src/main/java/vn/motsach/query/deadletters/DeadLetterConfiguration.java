package vn.motsach.query.deadletters;

import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import vn.motsach.query.Projections;

/**
 * Every projection parks the events it cannot apply in Axon's dead-letter queue, one sequence per
 * school: the school's later events wait behind the failed one, in order, and the other schools
 * go on. Parked events are listed and replayed through {@link DeadLetterController}.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    /**
     * A school's parked events may pile up until an administrator replays them; a full queue would
     * stop the whole processor again, so the bounds are far above anything a school can produce.
     */
    private static final int MAX_SEQUENCES = 1_000_000;
    private static final int MAX_SEQUENCE_SIZE = 10_000_000;

    @Bean
    ConfigurerModule projectionDeadLetterQueues(ListableBeanFactory beans, ConnectionProvider connections,
            TransactionManager transactions, PlatformTransactionManager platformTransactions) {
        // Replaying a sequence holds the queue's own work (claims, evictions) in one transaction and
        // applies each parked event in a new one, so that an event failing again rolls back its own
        // writes only and its new cause can still be recorded.
        DefaultTransactionDefinition eachLetterApart = new DefaultTransactionDefinition(
                TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        TransactionManager replayTransactions = new SpringTransactionManager(platformTransactions, eachLetterApart);
        return configurer -> Projections.in(beans).keySet().forEach(projection -> configurer.eventProcessing()
                .registerDeadLetterQueue(projection, configuration -> JdbcSequencedDeadLetterQueue
                        .<EventMessage<?>>builder()
                        .processingGroup(projection)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .genericSerializer(configuration.serializer())
                        .eventSerializer(configuration.eventSerializer())
                        .maxSequences(MAX_SEQUENCES)
                        .maxSequenceSize(MAX_SEQUENCE_SIZE)
                        .build())
                .registerDeadLetteringEventHandlerInvokerConfiguration(projection, (configuration, builder) -> builder
                        // a school's events go on being checked against the queue only once it has some there
                        .enableSequenceIdentifierCache()
                        .transactionManager(replayTransactions)));
    }

    @Bean
    SavepointsAfterFailure savepointsAfterFailure(DataSource dataSource) {
        return new SavepointsAfterFailure(dataSource);
    }

    @Bean
    ProjectionDeadLetters projectionDeadLetters(JdbcClient jdbc, ListableBeanFactory beans,
            ObjectProvider<EventProcessingConfiguration> processing) {
        return new ProjectionDeadLetters(jdbc, List.copyOf(Projections.in(beans).keySet()), processing);
    }
}
