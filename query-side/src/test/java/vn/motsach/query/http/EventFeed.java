package vn.motsach.query.http;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.EventCatalogue;
import vn.motsach.events.SchoolEvent;

/**
 * Stores events in the real event store as the command side would (one transaction, through
 * Axon), without depending on the command side, and says where the last one landed.
 */
final class EventFeed {

    private static final AtomicLong STREAMS = new AtomicLong();

    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final JdbcClient jdbc;

    EventFeed(EventStore eventStore, TransactionManager transactions, JdbcClient jdbc) {
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** @return the global position of the last event stored */
    long append(SchoolEvent... events) {
        List<String> ids = new java.util.ArrayList<>();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        for (SchoolEvent event : events) {
            String stream = "test-" + STREAMS.incrementAndGet() + "-" + UUID.randomUUID();
            GenericDomainEventMessage<SchoolEvent> message = new GenericDomainEventMessage<>(
                    EventCatalogue.nameOf(event.getClass()), stream, 0, event);
            ids.add(message.getIdentifier());
            eventStore.publish(message);
        }
        unitOfWork.commit();
        return jdbc.sql("select max(globalindex) from domainevententry where eventidentifier = any(?)")
                .param(ids.toArray(String[]::new))
                .query(Long.class)
                .single();
    }
}
