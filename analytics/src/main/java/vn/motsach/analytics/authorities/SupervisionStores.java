package vn.motsach.analytics.authorities;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.stereotype.Component;
import vn.motsach.analytics.streams.StreamsRunner;
import vn.motsach.events.authority.AuthorityNode;
import vn.motsach.events.school.SchoolSupervisionChanged;
import vn.motsach.infra.security.AuthorityLines;

/**
 * The global stores of {@link SupervisionTopology} on this instance. Also the tree security asks
 * where analytics runs without a database; where the platform schema is (the local all-in-one),
 * the tree read from it is preferred, as it is written with the tree's events.
 */
@Component
class SupervisionStores implements AuthorityLines {

    private final StreamsRunner streams;

    SupervisionStores(StreamsRunner streams) {
        this.streams = streams;
    }

    /** Throws {@link InvalidStateStoreException} while the stores restore: answered 503 METRICS_RESTORING. */
    CoveredSchools covered() {
        return new CoveredSchools(
                streams.store(SupervisionTopology.AUTHORITY_TREE_STORE, QueryableStoreTypes.<String, AuthorityNode>keyValueStore()),
                streams.store(SupervisionTopology.SCHOOL_SUPERVISION_STORE,
                        QueryableStoreTypes.<String, SchoolSupervisionChanged>keyValueStore()));
    }

    /** While the stores restore, an authority reaches its own paths only. */
    @Override
    public Optional<List<String>> lineOf(String authorityId) {
        try {
            return covered().lineOf(authorityId);
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }
}
