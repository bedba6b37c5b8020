package vn.motsach.command.circulation;

import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.motsach.infra.axon.CommittedAggregateCache;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CirculationConfiguration {

    static final String COPY_SNAPSHOTS = "copySnapshots";
    static final String COPY_REPOSITORY = "copyRepository";
    static final String TITLE_REPOSITORY = "titleRepository";
    static final String DESK_EXCEPTION_REPOSITORY = "deskExceptionRepository";

    /**
     * Titles are loaded by every checkout and return to see their hold queue, but rarely changed:
     * without the in-memory lock Axon takes by default, readers of a popular title (forty copies
     * of a textbook on the first day) do not wait for each other. The rare concurrent changes
     * still meet at the event store's unique key and are run again.
     */
    @Bean(TITLE_REPOSITORY)
    EventSourcingRepository<Title> titleRepository(EventStore eventStore, org.axonframework.config.Configuration configuration) {
        return EventSourcingRepository.builder(Title.class)
                .eventStore(eventStore)
                .lockFactory(NullLockFactory.INSTANCE)
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(Title.class))
                .build();
    }

    /**
     * Every checkout and return loads a copy: the copies in use stay in memory (the latest
     * committed state only), and a copy is built by its constructor rather than as a Spring
     * prototype bean, whose creation takes a context-wide lock. Axon's in-memory lock per copy
     * stays: two desks scanning one copy decide one after the other.
     */
    @Bean(COPY_REPOSITORY)
    EventSourcingRepository<Copy> copyRepository(EventStore eventStore, org.axonframework.config.Configuration configuration,
            @Qualifier(COPY_SNAPSHOTS) SnapshotTriggerDefinition snapshots,
            @Value("${motsach.command.cached-copies:20000}") int cachedCopies) {
        EventSourcingRepository.Builder<Copy> copies = EventSourcingRepository.builder(Copy.class)
                .eventStore(eventStore)
                .aggregateFactory(new GenericAggregateFactory<>(Copy.class))
                .snapshotTriggerDefinition(snapshots)
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(Copy.class));
        // None kept with several command instances: one would refuse a checkout on a copy another
        // has returned since (a refusal writes nothing, so no unique key tells it its copy is stale)
        return (cachedCopies > 0 ? copies.cache(new CommittedAggregateCache(cachedCopies)) : copies).build();
    }

    /** The offline desk opens exceptions in a record's own unit of work, so it needs their repository. */
    @Bean(DESK_EXCEPTION_REPOSITORY)
    EventSourcingRepository<DeskException> deskExceptionRepository(EventStore eventStore,
            org.axonframework.config.Configuration configuration) {
        return EventSourcingRepository.builder(DeskException.class)
                .eventStore(eventStore)
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(DeskException.class))
                .build();
    }

    /** Loading a copy reads at most this many events after its latest snapshot. */
    @Bean(COPY_SNAPSHOTS)
    SnapshotTriggerDefinition copySnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 50);
    }
}
