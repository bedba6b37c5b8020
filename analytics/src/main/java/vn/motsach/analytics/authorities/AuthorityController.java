package vn.motsach.analytics.authorities;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.analytics.streams.InstanceRouter;
import vn.motsach.analytics.streams.StreamsRunner;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;

@Tag(name = "reading-metrics", description = "Số liệu văn hoá đọc của lớp, trường, cơ quan quản lý")
@RestController
class AuthorityController {

    private final StreamsRunner streams;
    private final InstanceRouter router;

    AuthorityController(StreamsRunner streams, InstanceRouter router) {
        this.streams = streams;
        this.router = router;
    }

    /**
     * How many registered schools an authority supervises, live from the Streams state of
     * whichever instance holds the authority's count.
     */
    @Refusals(unavailable = "METRICS_RESTORING")
    @Operation(summary = "Một cơ quan quản lý và số trường trực thuộc")
    @GetMapping("/api/v1/authorities/{authorityId}")
    AuthorityView authority(OneAuthority asked, HttpServletRequest request) {
        return router.answer(SchoolsPerAuthorityTopology.SCHOOLS_PER_AUTHORITY_STORE, asked.authorityId(), request, () -> {
            Long count = streams.store(SchoolsPerAuthorityTopology.SCHOOLS_PER_AUTHORITY_STORE,
                    QueryableStoreTypes.<String, Long>keyValueStore()).get(asked.authorityId());
            return new AuthorityView(asked.authorityId(), count == null ? 0 : count);
        });
    }

    record AuthorityView(String authorityId, long schoolCount) {
    }

    record OneAuthority(String authorityId) implements CheckedRequest {

        OneAuthority(RequestValues in) {
            this(PathIds.authority(in));
        }
    }
}
