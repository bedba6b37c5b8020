package vn.motsach.query.deadletters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;

/**
 * The events the projections have parked: read from the queue's table (so any instance lists
 * them all), and replayed through each projection's processor, which applies a school's parked
 * events in their order and stops that school at the first one that fails again.
 */
public final class ProjectionDeadLetters {

    private static final String SELECT = """
            select d.processinggroup, d.sequenceidentifier, d.sequenceindex, d.eventidentifier, e.globalindex,
                   d.payloadtype, d.timestamp, d.enqueuedat, d.lasttouched, d.causetype, d.causemessage
            from deadletterentry d left join domainevententry e on e.eventidentifier = d.eventidentifier
            """;
    private static final String CHOSEN = """
            where (cast(? as text) is null or d.processinggroup = ?) and (cast(? as text) is null or d.sequenceidentifier = ?)
            """;

    private final JdbcClient jdbc;
    private final List<String> projections;
    private final ObjectProvider<EventProcessingConfiguration> processing;

    ProjectionDeadLetters(JdbcClient jdbc, List<String> projections, ObjectProvider<EventProcessingConfiguration> processing) {
        this.jdbc = jdbc;
        this.projections = projections;
        this.processing = processing;
    }

    /** A page of the parked events of one projection and one school, or of all, in the order each school's would be applied. */
    Page<DeadLetterView> page(String projection, String school, Paging paging) {
        List<DeadLetterView> items = jdbc.sql(SELECT + CHOSEN
                        + "order by d.processinggroup, d.sequenceidentifier, d.sequenceindex limit ? offset ?")
                .param(projection).param(projection).param(school).param(school)
                .param(paging.size())
                .param(paging.offset())
                .query(ProjectionDeadLetters::view)
                .list();
        return paging.of(items, count(projection, school));
    }

    /** How many events each projection has parked, for every projection that has some. */
    public Map<String, Long> countsByProjection() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select processinggroup, count(*) from deadletterentry group by processinggroup order by processinggroup")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(count -> counts.put(count.getKey(), count.getValue()));
        return counts;
    }

    /**
     * Whether a projection has parked an event of {@code sequence} at or before {@code position}:
     * its processor has passed that position, but has not applied it (nor what came after it).
     */
    public boolean parkedUpTo(Object sequence, long position) {
        return jdbc.sql("""
                        select exists (select 1 from deadletterentry d
                                       join domainevententry e on e.eventidentifier = d.eventidentifier
                                       where d.processinggroup = any(?) and d.sequenceidentifier = ?
                                         and e.globalindex <= ?)""")
                .param(projections.toArray(String[]::new))
                .param(String.valueOf(sequence))
                .param(position)
                .query(Boolean.class)
                .single();
    }

    /**
     * Applies the parked events of one (known) projection or of all, for one school or all, each
     * school's in order; a school whose event fails again keeps it, and all after it, parked with
     * the new error.
     */
    ReplayView replay(String projection, String school) {
        List<String> chosen = projection == null ? projections : List.of(projection);
        long before = count(projection, school);
        for (String name : chosen) {
            SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.getObject()
                    .sequencedDeadLetterProcessor(name)
                    .orElseThrow(() -> new IllegalStateException("Projection " + name + " has no dead-letter queue"));
            Set<String> tried = new HashSet<>();
            AtomicBoolean picked = new AtomicBoolean(true);
            while (picked.getAndSet(false)) {
                processor.process(letter -> {
                    String sequence = ((JdbcDeadLetter<?>) letter).getSequenceIdentifier();
                    if ((school == null || school.equals(sequence)) && tried.add(sequence)) {
                        picked.set(true);
                        return true;
                    }
                    return false;
                });
            }
        }
        long remaining = count(projection, school);
        List<DeadLetterView> stopped = jdbc.sql("select distinct on (d.processinggroup, d.sequenceidentifier) * from ("
                        + SELECT + CHOSEN + ") d order by d.processinggroup, d.sequenceidentifier, d.sequenceindex")
                .param(projection).param(projection).param(school).param(school)
                .query(ProjectionDeadLetters::view)
                .list();
        return new ReplayView(Math.max(0, before - remaining), remaining, stopped);
    }

    /** The projection named, or 404 {@code PROJECTION_NOT_FOUND}. */
    String known(String projection) {
        if (!projections.contains(projection)) {
            throw ApiProblem.notFound("PROJECTION_NOT_FOUND", projection);
        }
        return projection;
    }

    private long count(String projection, String school) {
        return jdbc.sql("select count(*) from deadletterentry d " + CHOSEN)
                .param(projection).param(projection).param(school).param(school)
                .query(Long.class)
                .single();
    }

    private static DeadLetterView view(ResultSet rs, int row) throws SQLException {
        String causeType = rs.getString("causetype");
        Long position = rs.getObject("globalindex", Long.class);
        return new DeadLetterView(rs.getString("processinggroup"), rs.getString("sequenceidentifier"),
                rs.getLong("sequenceindex"), rs.getString("eventidentifier"), position,
                rs.getString("payloadtype"), instant(rs.getString("timestamp")), instant(rs.getString("enqueuedat")),
                instant(rs.getString("lasttouched")),
                causeType == null ? null : new DeadLetterView.Error(causeType, rs.getString("causemessage")));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
