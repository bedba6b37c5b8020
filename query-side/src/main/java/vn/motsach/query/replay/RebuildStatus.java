package vn.motsach.query.replay;

import java.time.Instant;
import java.util.List;

/**
 * Where the last rebuild stands: RUNNING while events are replayed into the rebuild schema (the
 * live tables keep answering), DONE once the rebuilt tables replaced them, FAILED with the reason.
 */
public record RebuildStatus(String state, List<String> projections, Instant startedAt, Instant finishedAt,
        long eventsReplayed, long position, String failure) {

    static RebuildStatus idle() {
        return new RebuildStatus("IDLE", List.of(), null, null, 0, 0, null);
    }
}
