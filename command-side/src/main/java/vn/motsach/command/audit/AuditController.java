package vn.motsach.command.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.web.RequestCheck;

/**
 * Who did what in a school, newest first, read from the events themselves: every event keeps
 * the account (or {@code system}) that caused it, so the audit trail cannot drift from what
 * happened.
 */
@Tag(name = "audit", description = "Nhật ký sự kiện")
@RestController
class AuditController {

    private static final int MAX_SIZE = 200;

    private final JdbcClient jdbc;

    AuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "Nhật ký mọi sự kiện đã lưu của trường, mới nhất trước")
    @GetMapping("/api/v1/schools/{schoolId}/audit")
    AuditPage audit(@PathVariable String schoolId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String actor) {
        RequestCheck check = RequestCheck.of();
        check.matching("schoolId", schoolId, SchoolId.FORMAT);
        if (page < 0) {
            check.problem("page", "range", 0, Integer.MAX_VALUE);
        }
        if (size < 1 || size > MAX_SIZE) {
            check.problem("size", "range", 1, MAX_SIZE);
        }
        check.orRefuse();
        String actorFilter = actor == null ? "" : " and (metadata::jsonb ->> 'actor') = :actor";
        List<AuditEntry> items = jdbc.sql("""
                        select globalindex, timestamp, regexp_replace(payloadtype, '.*\\.', '') as type,
                               metadata::jsonb ->> 'actor' as actor, payload
                        from domainevententry
                        where (payload::jsonb ->> 'schoolId') = :school""" + actorFilter + """

                        order by globalindex desc limit :size offset :offset""")
                .param("school", schoolId)
                .param("actor", actor)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new AuditEntry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
        long total = jdbc.sql("select count(*) from domainevententry where (payload::jsonb ->> 'schoolId') = :school" + actorFilter)
                .param("school", schoolId)
                .param("actor", actor)
                .query(Long.class).single();
        return new AuditPage(items, page, size, total);
    }

    record AuditEntry(long position, Instant occurredAt, String type, String actor, String event) {
    }

    record AuditPage(List<AuditEntry> items, int page, int size, long totalItems) {
    }
}
