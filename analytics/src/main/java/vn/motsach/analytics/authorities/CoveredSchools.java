package vn.motsach.analytics.authorities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.authority.AuthorityNode;
import vn.motsach.events.school.SchoolSupervisionChanged;

/**
 * Reads the tree of authorities and the schools' supervision (see {@link SupervisionTopology}):
 * the schools an authority covers in a school year, at any depth, each counted under the
 * authority it reported to that year; and an authority's line up the tree.
 */
public final class CoveredSchools {

    /** Deeper than any tree the kinds allow: a guard, not a rule. */
    private static final int DEPTH = 16;

    private final ReadOnlyKeyValueStore<String, AuthorityNode> tree;
    private final ReadOnlyKeyValueStore<String, SchoolSupervisionChanged> schools;

    public CoveredSchools(ReadOnlyKeyValueStore<String, AuthorityNode> tree,
            ReadOnlyKeyValueStore<String, SchoolSupervisionChanged> schools) {
        this.tree = tree;
        this.schools = schools;
    }

    /** The schools {@code authority} covers in {@code year}, by school id. */
    public List<String> of(String authority, SchoolYear year) {
        List<String> covered = new ArrayList<>();
        Map<String, Boolean> within = new HashMap<>();
        try (KeyValueIterator<String, SchoolSupervisionChanged> all = schools.all()) {
            while (all.hasNext()) {
                KeyValue<String, SchoolSupervisionChanged> school = all.next();
                AuthorityId reportedTo = school.value.authorityIn(year);
                if (reportedTo != null && within.computeIfAbsent(reportedTo.value(),
                        id -> id.equals(authority) || lineOf(id).map(line -> line.contains(authority)).orElse(false))) {
                    covered.add(school.key);
                }
            }
        }
        covered.sort(null);
        return covered;
    }

    /** The authority and those above it, nearest first; empty when the tree does not know it. */
    public Optional<List<String>> lineOf(String authority) {
        List<String> line = new ArrayList<>();
        AuthorityNode node = tree.get(authority);
        while (node != null && line.size() < DEPTH) {
            line.add(node.authorityId().value());
            node = node.parentId() == null ? null : tree.get(node.parentId().value());
        }
        return line.isEmpty() ? Optional.empty() : Optional.of(line);
    }
}
