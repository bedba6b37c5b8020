package vn.motsach.infra.axon;

import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import vn.motsach.events.EventCatalogue;
import vn.motsach.infra.background.BackgroundThreads;
import vn.motsach.infra.json.EventReading;
import vn.motsach.infra.migrations.SchemaMigrations;

/**
 * Axon on PostgreSQL through plain JDBC: the event store, the token store and Spring-managed
 * transactions. Declared here rather than left to Axon's auto-configuration, which on Boot 4
 * is ordered against Boot 3 class names, backs off, and silently falls back to no transactions.
 * Payload and metadata are stored as text, so that {@code psql} shows the events as JSON.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"
        },
        beforeName = {
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
            "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"
        })
@EnableConfigurationProperties(EventStoreSettings.class)
public class AxonJdbcAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AxonJdbcAutoConfiguration.class);
    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        log.info("Axon transactions: {} over {}", SpringTransactionManager.class.getSimpleName(),
                transactionManager.getClass().getSimpleName());
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    public ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /** PostgreSQL reports a duplicate key by SQLSTATE, which Axon's resolvers do not read. */
    @Bean
    public PersistenceExceptionResolver uniqueViolationResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    @Bean
    public EventStorageEngine eventStorageEngine(
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Serializer serializer,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration configuration,
            EventStoreSettings settings,
            SchemaMigrations migratedFirst) {
        return new PostgresEventStorageEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager), settings);
    }

    /**
     * Streaming processors learn of new events by polling the store every {@code fetchDelay}
     * while idle. Axon's default second is too slow for read-your-writes, and a local wake-up
     * cannot help: commands commit in our own transaction, after Axon thinks it has committed,
     * and commands from other instances are never local.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
            EventStoreSettings settings) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(settings.fetchDelay().toMillis())
                .cachedEvents(settings.cachedEvents())
                .threadFactory(BackgroundThreads.pool(EmbeddedEventStore.class.getSimpleName()))
                .build();
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, EventStoreSettings settings,
            SchemaMigrations migratedFirst) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .contentType(byte[].class)
                .claimTimeout(settings.claimTimeout())
                .build();
    }

    /**
     * Snapshots are made on a thread of their own after the command commits: made on the desk's
     * thread (Axon's default), every fiftieth scan of a copy waited while its events were read
     * again and the snapshot stored. When snapshots pile up, the surplus is dropped; the next
     * trigger makes one, and a copy in use is served from memory meanwhile.
     */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
            HandlerDefinition handlerDefinition, ParameterResolverFactory parameterResolverFactory, EventStore eventStore,
            TransactionManager transactionManager) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000),
                BackgroundThreads.single("snapshotter"), new ThreadPoolExecutor.DiscardPolicy());
        // the thread ends when idle, so that a closed context (tests make many) leaves none behind
        executor.allowCoreThreadTimeOut(true);
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .executor(executor)
                .build();
    }

    /** Stored payloads are read with the modules of {@link EventReading}, as published events are. */
    @Bean
    public Jackson3SerializerCustomizer eventReading() {
        return builder -> builder.addModules(EventReading.modules());
    }

    /** Revisions come from the contract's own annotation, so the contract needs no Axon. */
    @Bean
    public RevisionResolver revisionResolver() {
        return EventCatalogue::revisionOf;
    }

    /** Axon stamps events with a static clock; ours makes event time testable. */
    @Bean
    public EventClockBinding eventClockBinding(Clock clock) {
        GenericEventMessage.clock = clock;
        return new EventClockBinding(clock);
    }

    public record EventClockBinding(Clock clock) {
    }
}
