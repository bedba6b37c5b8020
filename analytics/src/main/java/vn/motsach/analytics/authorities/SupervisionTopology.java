package vn.motsach.analytics.authorities;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.motsach.analytics.streams.JsonSerde;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.authority.AuthorityNode;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolSupervisionChanged;

/**
 * Who reports to whom, whole on every instance: the tree of authorities, from the compacted topic
 * the command side keeps of it, and each school's authority by school year, derived here from the
 * school events into a compacted topic of its own and read back whole. Any instance can then say
 * which schools an authority covers in a year, at any depth, and whether an authority's
 * administrator may read a path of an authority below theirs.
 */
public final class SupervisionTopology {

    public static final String AUTHORITY_TREE_STORE = "authority-tree";
    public static final String SCHOOL_SUPERVISION_STORE = "school-supervision";

    private SupervisionTopology() {
    }

    public static void build(StreamsBuilder builder, KStream<String, PublishedEvent> schoolEvents, String treeTopic,
            String supervisionTopic) {
        schoolEvents
                .filter((schoolId, event) -> event.payload() instanceof SchoolRegistered
                        || event.payload() instanceof SchoolDetailsChanged
                        || event.payload() instanceof SchoolSupervisionChanged, Named.as("school-supervision-only"))
                .mapValues(SupervisionTopology::supervisionAfter, Named.as("supervision-of-school"))
                .to(supervisionTopic, Produced.with(Serdes.String(), JsonSerde.of(SchoolSupervisionChanged.class))
                        .withName("school-supervision-sink"));
        builder.globalTable(treeTopic, Consumed.with(Serdes.String(), JsonSerde.of(AuthorityNode.class)).withName("authority-tree-source"),
                Materialized.<String, AuthorityNode, KeyValueStore<Bytes, byte[]>>as(AUTHORITY_TREE_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(JsonSerde.of(AuthorityNode.class)));
        builder.globalTable(supervisionTopic,
                Consumed.with(Serdes.String(), JsonSerde.of(SchoolSupervisionChanged.class)).withName("school-supervision-source"),
                Materialized.<String, SchoolSupervisionChanged, KeyValueStore<Bytes, byte[]>>as(SCHOOL_SUPERVISION_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(JsonSerde.of(SchoolSupervisionChanged.class)));
    }

    /**
     * The school's authorities by year after {@code event}: a registration or a change of details
     * names one authority for every year; a {@link SchoolSupervisionChanged} following it, the stretches.
     */
    private static SchoolSupervisionChanged supervisionAfter(PublishedEvent event) {
        if (event.payload() instanceof SchoolRegistered registered) {
            return SchoolSupervisionChanged.always(registered.schoolId(), registered.authorityId());
        }
        if (event.payload() instanceof SchoolDetailsChanged changed) {
            return SchoolSupervisionChanged.always(changed.schoolId(), changed.authorityId());
        }
        return (SchoolSupervisionChanged) event.payload();
    }
}
