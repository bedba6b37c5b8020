package vn.motsach.infra.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gap handling of the JDBC event store. Concurrent commands commit out of global-index order;
 * a tracking processor remembers the holes it passed and waits {@code gapTimeout} for them to
 * fill before giving them up.
 */
@ConfigurationProperties("motsach.event-store")
public record EventStoreSettings(
        @DefaultValue("60000") int gapTimeoutMillis,
        @DefaultValue("10000") int maxGapOffset,
        @DefaultValue("250") int gapCleaningThreshold,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10s") Duration claimTimeout,
        @DefaultValue("25ms") Duration fetchDelay) {

    /** The settings when none is configured, as the application binds them. */
    public static EventStoreSettings defaults() {
        return new Binder().bindOrCreate("motsach.event-store", EventStoreSettings.class);
    }
}
