package vn.motsach.query.positions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import vn.motsach.query.replay.ProjectionRebuild;
import vn.motsach.query.replay.RebuildStatus;

/**
 * Each projection's distance to the head of the event store, in events: for the
 * {@code motsach.projection.lag} gauges and the {@code projections} health component. Read at
 * most once a second, however often it is scraped.
 */
final class ProjectionLag implements HealthIndicator {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final ProjectionPositions positions;
    private final ProjectionRebuild rebuild;
    private final Clock clock;
    private volatile Snapshot snapshot;

    ProjectionLag(ProjectionPositions positions, ProjectionRebuild rebuild, Clock clock) {
        this.positions = positions;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    long lag(String projection) {
        Long position = snapshot().positions().get(projection);
        return position == null ? snapshot().head() : Math.max(0, snapshot().head() - position);
    }

    @Override
    public Health health() {
        Snapshot now = snapshot();
        Map<String, Object> projections = new LinkedHashMap<>();
        now.positions().forEach((name, position) -> projections.put(name,
                Map.of("position", position, "lag", Math.max(0, now.head() - position))));
        RebuildStatus rebuilding = rebuild.status();
        Map<String, Object> rebuildDetail = new LinkedHashMap<>();
        rebuildDetail.put("state", rebuilding.state());
        rebuildDetail.put("projections", rebuilding.projections());
        rebuildDetail.put("eventsReplayed", rebuilding.eventsReplayed());
        rebuildDetail.put("position", rebuilding.position());
        return Health.up()
                .withDetail("head", now.head())
                .withDetail("projections", projections)
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
