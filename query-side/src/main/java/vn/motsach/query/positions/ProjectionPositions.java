package vn.motsach.query.positions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.infra.axon.EventProcessingAutoConfiguration;
import vn.motsach.query.deadletters.ProjectionDeadLetters;

/**
 * How far the query side's projections have come, read from the shared token table so that
 * any query-side instance answers for all of them, whichever instance owns the segments.
 */
public final class ProjectionPositions {

    private static final Duration POLL = Duration.ofMillis(10);

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Clock clock;
    private final ApplicationContext context;
    private final ProjectionDeadLetters deadLetters;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile List<String> processors;

    ProjectionPositions(JdbcClient jdbc, Serializer serializer, Clock clock, ApplicationContext context,
            ProjectionDeadLetters deadLetters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
        this.context = context;
        this.deadLetters = deadLetters;
    }

    /** The processing groups of the query side's projections, found once, on first use. */
    public List<String> processors() {
        if (processors == null) {
            processors = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                    .filter(bean -> bean.getClass().getPackageName().startsWith("vn.motsach.query"))
                    .map(bean -> bean.getClass().getAnnotation(ProcessingGroup.class).value())
                    .distinct()
                    .sorted()
                    .toList();
        }
        return processors;
    }

    /** @return whether every projection has applied the event at {@code position} within {@code patience} */
    public boolean awaitAll(long position, Duration patience) throws InterruptedException {
        Instant giveUp = clock.instant().plus(patience);
        while (!allReached(position)) {
            if (clock.instant().isAfter(giveUp)) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    /**
     * Whether every projection has applied the event at {@code position}. Only the segment that
     * owns the event's school matters: the other segments store their tokens lazily, so their
     * positions say nothing about this event. A projection that parked an event of the same
     * school at or before it has passed it without applying it: its school's reads stay behind
     * until the parked events are replayed.
     */
    boolean allReached(long position) {
        if (position <= 0) {
            return true;
        }
        Optional<Object> sequence = jdbc.sql("select payload, eventidentifier from domainevententry where globalindex = ?")
                .param(position)
                .query((rs, row) -> (Object) EventProcessingAutoConfiguration.sequenceOf(
                        json.readTree(rs.getString(1)).path("schoolId").asString(null), rs.getString(2)))
                .optional();
        if (sequence.isEmpty()) {
            return false;
        }
        Map<String, Map<Integer, TrackingTokenRow>> byProcessor = new HashMap<>();
        jdbc.sql("select processorname, segment, token, tokentype from tokenentry where processorname = any(?)")
                .param(processors().toArray(String[]::new))
                .query((rs, row) -> new TrackingTokenRow(rs.getString(1), rs.getInt(2), rs.getBytes(3), rs.getString(4)))
                .list()
                .forEach(row -> byProcessor.computeIfAbsent(row.processor(), p -> new HashMap<>()).put(row.segment(), row));
        int hash = Objects.hashCode(sequence.get());
        for (String processor : processors()) {
            Map<Integer, TrackingTokenRow> segments = byProcessor.get(processor);
            if (segments == null) {
                return false;
            }
            Segment owner = Arrays.stream(Segment.computeSegments(segments.keySet().stream().mapToInt(i -> i).toArray()))
                    .filter(segment -> segment.matches(hash))
                    .findFirst()
                    .orElseThrow();
            TrackingTokenRow row = segments.get(owner.getSegmentId());
            if (!reached(token(row.token(), row.type()), position)
                    && !reached(localToken(processor, owner.getSegmentId()), position)) {
                return false;
            }
        }
        return !deadLetters.parkedUpTo(sequence.get(), position);
    }

    private record TrackingTokenRow(String processor, int segment, byte[] token, String type) {
    }

    /** The lowest position among all projections' segments: how far every projection has come. */
    public long lowestPosition() {
        return jdbc.sql("select token, tokentype from tokenentry where processorname = any(?)")
                .param(processors().toArray(String[]::new))
                .query((rs, row) -> position(rs.getBytes(1), rs.getString(2)))
                .list().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    /** The global index of the newest stored event. */
    public long head() {
        return jdbc.sql("select coalesce(max(globalindex), 0) from domainevententry").query(Long.class).single();
    }

    /**
     * How far each projection has come: the lowest position among its segments, each segment
     * counted at the furthest of its stored token and, when this instance works on it, its
     * processor's own progress (an idle segment stores its token only now and then).
     */
    public Map<String, Long> positions() {
        Map<String, Map<Integer, Long>> bySegment = new HashMap<>();
        jdbc.sql("select processorname, segment, token, tokentype from tokenentry where processorname = any(?)")
                .param(processors().toArray(String[]::new))
                .query((rs, row) -> new TrackingTokenRow(rs.getString(1), rs.getInt(2), rs.getBytes(3), rs.getString(4)))
                .list()
                .forEach(row -> bySegment.computeIfAbsent(row.processor(), p -> new HashMap<>())
                        .put(row.segment(), position(row.token(), row.type())));
        Map<String, Long> positions = new java.util.TreeMap<>();
        for (String processor : processors()) {
            Map<Integer, Long> segments = bySegment.getOrDefault(processor, new HashMap<>());
            localProgress(processor).forEach((segment, local) -> segments.merge(segment, local, Math::max));
            positions.put(processor, segments.values().stream().mapToLong(Long::longValue).min().orElse(0));
        }
        return positions;
    }

    private Map<Integer, Long> localProgress(String processor) {
        Map<Integer, Long> progress = new HashMap<>();
        context.getBeanProvider(EventProcessingConfiguration.class).ifAvailable(processing -> processing
                .eventProcessor(processor, StreamingEventProcessor.class)
                .ifPresent(streaming -> streaming.processingStatus().forEach((segment, status) -> {
                    if (!status.isErrorState()) {
                        status.getCurrentPosition().ifPresent(position -> progress.put(segment, position));
                    }
                })));
        return progress;
    }

    /**
     * The progress of a segment this instance works on, which is ahead of the stored token when
     * the segment only passed over events its projection does not handle: those are stored
     * lazily, on the next claim extension.
     */
    private TrackingToken localToken(String processor, int segment) {
        return context.getBeanProvider(EventProcessingConfiguration.class).stream()
                .flatMap(processing -> processing.eventProcessor(processor, StreamingEventProcessor.class).stream())
                .map(streaming -> streaming.processingStatus().get(segment))
                .filter(status -> status != null && !status.isErrorState())
                .map(status -> status.getTrackingToken())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static boolean reached(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        TrackingToken upper = WrappedToken.unwrapUpperBound(token);
        if (upper instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return upper.position().orElse(-1) >= position;
    }

    private long position(byte[] bytes, String type) {
        TrackingToken token = token(bytes, type);
        return token == null ? 0 : WrappedToken.unwrapLowerBound(token).position().orElse(0);
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }
}
