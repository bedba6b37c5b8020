package vn.motsach.query.positions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import vn.motsach.infra.axon.ProgressWatch;
import vn.motsach.query.deadletters.ProjectionDeadLetters;
import vn.motsach.query.replay.ProjectionRebuild;
import vn.motsach.query.replay.RebuildStatus;

/**
 * Each projection's distance to the head of the event store, in events: for the
 * {@code motsach.projection.lag} gauges and the {@code projections} health component. Read at
 * most once a second, however often it is scraped. The component is down, with the reason, while
 * a projection stands still with events waiting after it (read from the shared token table, so
 * whichever instance works on it). Events a projection parked do not make it down: see
 * {@link #health()}.
 */
final class ProjectionLag implements HealthIndicator {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final ProjectionPositions positions;
    private final ProjectionRebuild rebuild;
    private final ProjectionDeadLetters deadLetters;
    private final ProgressWatch progress;
    private final Clock clock;
    private volatile Snapshot snapshot;

    ProjectionLag(ProjectionPositions positions, ProjectionRebuild rebuild, ProjectionDeadLetters deadLetters,
            ProgressWatch progress, Clock clock) {
        this.positions = positions;
        this.rebuild = rebuild;
        this.deadLetters = deadLetters;
        this.progress = progress;
        this.clock = clock;
    }

    long lag(String projection) {
        Long position = snapshot().positions().get(projection);
        return position == null ? snapshot().head() : Math.max(0, snapshot().head() - position);
    }

    /**
     * Down while a projection is stalled. Parked events leave it up, with their count per
     * projection among the details: the projection goes on for every other school, and a status
     * other than up answers 503, on which load balancers and orchestrators take the whole instance
     * away, stopping every school for one school's parked events, which is what parking them
     * prevents. They are for an administrator, who finds them here and in
     * {@code GET /api/v1/admin/projections/dead-letters}.
     */
    @Override
    public Health health() {
        Snapshot now = snapshot();
        Map<String, Object> projections = new LinkedHashMap<>();
        boolean stalled = false;
        for (var entry : now.positions().entrySet()) {
            long position = entry.getValue();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("position", position);
            detail.put("lag", Math.max(0, now.head() - position));
            var stall = progress.observe(entry.getKey(), position, now.head());
            if (stall.isPresent()) {
                detail.put("reason", "stalled: " + stall.get().reason());
                stalled = true;
            }
            projections.put(entry.getKey(), detail);
        }
        RebuildStatus rebuilding = rebuild.status();
        Map<String, Object> rebuildDetail = new LinkedHashMap<>();
        rebuildDetail.put("state", rebuilding.state());
        rebuildDetail.put("projections", rebuilding.projections());
        rebuildDetail.put("eventsReplayed", rebuilding.eventsReplayed());
        rebuildDetail.put("position", rebuilding.position());
        return (stalled ? Health.down() : Health.up())
                .withDetail("head", now.head())
                .withDetail("projections", projections)
                .withDetail("deadLetters", deadLetters.countsByProjection())
                .withDetail("rebuild", rebuildDetail)
                .build();
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.takenAt().plus(FRESH).isBefore(now)) {
            // the head first: a projection read a moment later can only be closer to it
            long head = positions.head();
            current = new Snapshot(now, head, positions.positions());
            snapshot = current;
        }
        return current;
    }

    private record Snapshot(Instant takenAt, long head, Map<String, Long> positions) {
    }
}
