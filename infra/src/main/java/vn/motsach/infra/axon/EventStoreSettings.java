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
 * head, which read them from there rather than each from PostgreSQL. Axon's default of ten
 * thousand outlived the young generation during an import (thousands of events a second, each
 * with its token's gaps): every event was copied to the old generation, and the collections that
 * copied them paused the desks. A processor further behind reads the store itself, as it does
 * when catching up anyway.
 */
@ConfigurationProperties("motsach.event-store")
public record EventStoreSettings(
        @DefaultValue("60000") int gapTimeoutMillis,
        @DefaultValue("10000") int maxGapOffset,
        @DefaultValue("250") int gapCleaningThreshold,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10s") Duration claimTimeout,
        @DefaultValue("25ms") Duration fetchDelay,
        @DefaultValue("1000") int cachedEvents) {

    /** The settings when none is configured, as the application binds them. */
    public static EventStoreSettings defaults() {
        return new Binder().bindOrCreate("motsach.event-store", EventStoreSettings.class);
    }
}
