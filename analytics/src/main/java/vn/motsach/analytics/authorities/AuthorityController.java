package vn.motsach.analytics.authorities;

import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.analytics.streams.StreamsRunner;
import vn.motsach.events.AuthorityId;
import vn.motsach.infra.web.RequestCheck;

@RestController
class AuthorityController {

    private final StreamsRunner streams;

    AuthorityController(StreamsRunner streams) {
        this.streams = streams;
    }

    /** How many registered schools an authority supervises, live from the Streams state. */
    @GetMapping("/api/v1/authorities/{authorityId}")
    AuthorityView authority(@PathVariable String authorityId) {
        RequestCheck check = RequestCheck.of();
        check.matching("authorityId", authorityId, AuthorityId.FORMAT);
        check.orRefuse();
        Long count = streams.store(SchoolsPerAuthorityTopology.SCHOOLS_PER_AUTHORITY_STORE,
                QueryableStoreTypes.<String, Long>keyValueStore()).get(authorityId);
        return new AuthorityView(authorityId, count == null ? 0 : count);
    }

    record AuthorityView(String authorityId, long schoolCount) {
    }
}
