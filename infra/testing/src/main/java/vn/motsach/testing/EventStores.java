package vn.motsach.testing;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import vn.motsach.infra.axon.AxonJdbcAutoConfiguration;
import vn.motsach.infra.axon.EventStoreSettings;
import vn.motsach.infra.axon.PostgresEventStorageEngine;

/**
 * The event store on a given database as the application configures it, for tests and
 * benchmarks that start no application: its serializer, each call in a transaction of its own.
 */
public final class EventStores {

    private EventStores() {
    }

    /** The application's engine, with the default settings. */
    public static PostgresEventStorageEngine postgres(DataSource dataSource) {
        return new PostgresEventStorageEngine(builder(dataSource), EventStoreSettings.defaults());
    }

    /** Axon's builder with the application's serializer, for the application's engine or, built as it is, Axon's own. */
    public static JdbcEventStorageEngine.Builder builder(DataSource dataSource) {
        AxonJdbcAutoConfiguration axon = new AxonJdbcAutoConfiguration();
        Jackson3Serializer serializer = Jackson3Serializer.builder().revisionResolver(axon.revisionResolver())
                .jsonMapperBuilderCustomizer(axon.eventReading()).build();
        return JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE);
    }
}
