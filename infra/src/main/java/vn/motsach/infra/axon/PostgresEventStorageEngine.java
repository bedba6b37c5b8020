package vn.motsach.infra.axon;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import vn.motsach.infra.json.IsoTimes;

/**
 * Axon's JDBC event store, reading each tracked event's timestamp once and by {@link IsoTimes}.
 * Axon's own entry keeps the stored text and parses it with the JDK's general formatter every
 * time it is asked, which it is twice per event read (to decide whether a hole before the event
 * may still fill, and for the message), which in a projection rebuild weighs on the one thread
 * that reads the store. The tokens follow Axon's rule unchanged: holes before an event younger than
 * {@code gapTimeout} are remembered (at most {@code maxGapOffset} back), older ones are given up.
 */
public final class PostgresEventStorageEngine extends JdbcEventStorageEngine {

    /** The first global index the store gives out: Axon's default, which we keep. */
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final long gapTimeoutMillis;
    private final int maxGapOffset;

    /**
     * The engine {@code builder} describes (serializers, connections, transactions), on the
     * platform's tables, whose payloads and metadata are text, with the batches and the gap
     * handling of {@code settings}.
     */
    public PostgresEventStorageEngine(JdbcEventStorageEngine.Builder builder, EventStoreSettings settings) {
        super(builder.dataType(String.class)
                .batchSize(settings.batchSize())
                .gapCleaningThreshold(settings.gapCleaningThreshold())
                .gapTimeout(settings.gapTimeoutMillis())
                .maxGapOffset(settings.maxGapOffset()));
        this.gapTimeoutMillis = settings.gapTimeoutMillis();
        this.maxGapOffset = settings.maxGapOffset();
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalIndex = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        String storedTimestamp = String.valueOf(readTimeStamp(resultSet, schema.timestampColumn()));
        StoredEvent<?> event = new StoredEvent<>(
                resultSet.getString(schema.typeColumn()),
                // an event of no aggregate is stored with its own identifier in the aggregate's place
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                storedTimestamp,
                timestampOf(storedTimestamp),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
        boolean holesMayFill = event.getTimestamp().isAfter(
                GenericEventMessage.clock.instant().minus(gapTimeoutMillis, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalIndex, holesMayFill
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalIndex), globalIndex).boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalIndex, holesMayFill ? maxGapOffset : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    /** Axon's own parser reads what is not in the form Axon writes, so that what it accepts stays the same. */
    private static Instant timestampOf(String stored) {
        Instant canonical = IsoTimes.parseCanonical(stored);
        return canonical != null ? canonical : DateTimeUtils.parseInstant(stored);
    }

    /** A stored event whose timestamp was read once. */
    private static final class StoredEvent<T> extends GenericDomainEventEntry<T> {

        private final Instant timestamp;

        StoredEvent(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String storedTimestamp,
                Instant timestamp, String payloadType, String payloadRevision, T payload, T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, storedTimestamp, payloadType, payloadRevision,
                    payload, metaData);
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
