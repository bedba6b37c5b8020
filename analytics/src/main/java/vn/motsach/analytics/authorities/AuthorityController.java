package vn.motsach.analytics.authorities;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.analytics.streams.InstanceRouter;
import vn.motsach.analytics.streams.StreamsRunner;
import vn.motsach.events.AuthorityId;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.RequestCheck;

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
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = AuthorityView.class)))
    @Refusals(unavailable = "METRICS_RESTORING")
    @Operation(summary = "Một cơ quan quản lý và số trường trực thuộc")
    @GetMapping("/api/v1/authorities/{authorityId}")
    ResponseEntity<?> authority(@PathVariable String authorityId, HttpServletRequest request) {
        RequestCheck check = RequestCheck.of();
        check.matching("authorityId", authorityId, AuthorityId.FORMAT);
        check.orRefuse();
        return router.answer(SchoolsPerAuthorityTopology.SCHOOLS_PER_AUTHORITY_STORE, authorityId, request, () -> {
            Long count = streams.store(SchoolsPerAuthorityTopology.SCHOOLS_PER_AUTHORITY_STORE,
                    QueryableStoreTypes.<String, Long>keyValueStore()).get(authorityId);
            return new AuthorityView(authorityId, count == null ? 0 : count);
        });
    }

    record AuthorityView(String authorityId, long schoolCount) {
    }
}
