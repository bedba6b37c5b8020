package vn.motsach.command.circulation;

import java.util.List;
import java.util.concurrent.Callable;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/**
 * Axon's own event-sourcing repository over an in-memory store, for aggregates whose decisions
 * the desk calls as methods: each call runs in a unit of work and the aggregate is sourced
 * again from its events every time, as in production.
 */
final class InMemoryAggregates {

    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();

    <T> EventSourcingRepository<T> repository(Class<T> type) {
        return EventSourcingRepository.builder(type).eventStore(events).build();
    }

    List<Object> events(String aggregateId) {
        return events.readEvents(aggregateId).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    Object lastEvent(String aggregateId) {
        List<Object> all = events(aggregateId);
        return all.get(all.size() - 1);
    }

    static <T> T inUnitOfWork(Callable<T> work) {
        var result = DefaultUnitOfWork.startAndGet(null).executeWithResult(work);
        if (result.isExceptional() && result.exceptionResult() instanceof RuntimeException refusal) {
            throw refusal;
        }
        return result.getPayload();
    }
}
