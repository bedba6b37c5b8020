package vn.motsach.analytics.authorities;

import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.motsach.analytics.streams.JsonSerde;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;

/**
 * How many schools each supervising authority has: the latest authority of every school, then
 * counted per authority. A school that moves (the 2025 reform moved many from district offices
 * to communes) leaves one count and joins the other. Replaying an event changes nothing,
 * because the school's current authority is a table, not a sum.
 */
public final class SchoolsPerAuthorityTopology {

    public static final String SCHOOL_AUTHORITY_STORE = "school-authority";
    public static final String SCHOOLS_PER_AUTHORITY_STORE = "schools-per-authority";
    public static final String AUTHORITY_SCHOOLS_STORE = "authority-schools";

    private SchoolsPerAuthorityTopology() {
    }

    public static void build(StreamsBuilder builder, KStream<String, PublishedEvent> schoolEvents) {
        KTable<String, String> authorityOfSchool = schoolEvents
                .filter((schoolId, event) -> event.payload() instanceof SchoolRegistered
                        || event.payload() instanceof SchoolDetailsChanged, Named.as("school-lifecycle-only"))
                .mapValues(SchoolsPerAuthorityTopology::authorityOf, Named.as("authority-of-school"))
                .toTable(Named.as("school-authority-table"),
                        Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(SCHOOL_AUTHORITY_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Serdes.String()));
        authorityOfSchool
                .groupBy((schoolId, authorityId) -> KeyValue.pair(authorityId, schoolId),
                        Grouped.with("schools-by-authority", Serdes.String(), Serdes.String()))
                .count(Named.as("count-schools-per-authority"),
                        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(SCHOOLS_PER_AUTHORITY_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Serdes.Long()));
        // the list itself, for the authority's reading metrics: only school ids cross the repartition
        authorityOfSchool
                .groupBy((schoolId, authorityId) -> KeyValue.pair(authorityId, schoolId),
                        Grouped.with("school-lists-by-authority", Serdes.String(), Serdes.String()))
                .aggregate(() -> new AuthoritySchools(Set.of()),
                (authorityId, schoolId, schools) -> schools.with(schoolId),
                (authorityId, schoolId, schools) -> schools.without(schoolId),
                Named.as("collect-schools-per-authority"),
                Materialized.<String, AuthoritySchools, KeyValueStore<Bytes, byte[]>>as(AUTHORITY_SCHOOLS_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(JsonSerde.of(AuthoritySchools.class)));
    }

    /** {@code null} (a tombstone) for a school no authority supervises: it counts nowhere. */
    private static String authorityOf(PublishedEvent event) {
        var authority = event.payload() instanceof SchoolRegistered registered
                ? registered.authorityId()
                : ((SchoolDetailsChanged) event.payload()).authorityId();
        return authority == null ? null : authority.value();
    }
}
