package vn.motsach.infra.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gap handling of the JDBC event store. Concurrent commands commit out of global-index order;
 * a tracking processor remembers the holes it passed and waits {@code gapTimeout} for them to
 * fill before giving them up.
 * <p>
 * The store keeps the newest {@code cachedEvents} events in memory for the processors at its
 * head, which read them from there rather than each from PostgreSQL. A processor that falls out
 * of that window reads the store on its own, and Axon lets it back in only once it has read
 * everything stored: during an import, not before the import ends. With a window of a thousand
 * (a sixth of a second of an import's events) every processor fell out at the import's first
 * batches, and each of the fourteen, most of them handling none of an import's events, read all
 * of it from PostgreSQL itself: 40 % of the JVM's CPU during an import, which the desks waited
 * behind. Twenty thousand is three seconds of an import: the processors with nothing to do for it
 * stay in the window, and only those with work (the catalogue, the publisher) read on their own.
 * The window costs memory for its events (tens of megabytes; a 100 MB file still imports in a
 * heap of 512 MB, see docs/benchmarks.md).
 */
@ConfigurationProperties("motsach.event-store")
public record EventStoreSettings(
        @DefaultValue("60000") int gapTimeoutMillis,
        @DefaultValue("10000") int maxGapOffset,
        @DefaultValue("250") int gapCleaningThreshold,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10s") Duration claimTimeout,
        @DefaultValue("25ms") Duration fetchDelay,
        @DefaultValue("20000") int cachedEvents) {

    /** The settings when none is configured, as the application binds them. */
    public static EventStoreSettings defaults() {
        return new Binder().bindOrCreate("motsach.event-store", EventStoreSettings.class);
    }
}
