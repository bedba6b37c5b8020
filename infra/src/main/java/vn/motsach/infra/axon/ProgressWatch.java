package vn.motsach.infra.axon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one rule for a stalled processor or projection: events wait after its position, and its
 * position has not moved for longer than the patience, counted from the first time it was seen
 * behind. Counting from that sighting, not from its last move, keeps a processor that was idle
 * (caught up) until a moment ago from looking stalled to a health check that polls rarely.
 */
public final class ProgressWatch {

    private final Duration patience;
    private final Clock clock;
    private final Map<String, Sighting> sightings = new ConcurrentHashMap<>();

    public ProgressWatch(Duration patience, Clock clock) {
        this.patience = patience;
        this.clock = clock;
    }

    /**
     * Records where {@code name} stands and says how long it has been stuck, if longer than the
     * patience.
     */
    public Optional<Stall> observe(String name, long position, long head) {
        Instant now = clock.instant();
        boolean behind = position < head;
        Sighting sighting = sightings.compute(name, (key, last) -> {
            if (!behind) {
                return new Sighting(position, null);
            }
            if (last == null || last.position() != position || last.behindSince() == null) {
                return new Sighting(position, now);
            }
            return last;
        });
        if (sighting.behindSince() == null) {
            return Optional.empty();
        }
        Duration still = Duration.between(sighting.behindSince(), now);
        return still.compareTo(patience) > 0 ? Optional.of(new Stall(position, head, sighting.behindSince())) : Optional.empty();
    }

    /**
     * Looks again at {@code name} at the position it was last seen at, for a processor whose
     * position cannot be read now (its segment is released between failed attempts). One never
     * seen at a position failed before any look found it claimed, as a processor does whose first
     * batch fails: it is counted from the start, so that it too is judged.
     */
    public Optional<Stall> observeAgain(String name, long head) {
        Sighting last = sightings.get(name);
        return observe(name, last == null ? 0 : last.position(), head);
    }

    /** Forgets {@code name}: it is worked on elsewhere, and judged there. */
    public void forget(String name) {
        sightings.remove(name);
    }

    /** A position that has not moved since {@code since} although events up to {@code head} wait. */
    public record Stall(long position, long head, Instant since) {

        /** Why it is down, in words for the health details. */
        public String reason() {
            return "no progress from position " + position + " since " + since + " while " + (head - position)
                    + " events wait (head " + head + ")";
        }
    }

    private record Sighting(long position, Instant behindSince) {
    }
}
