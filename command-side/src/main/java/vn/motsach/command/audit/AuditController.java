package vn.motsach.command.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.DayRange;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;

/**
 * Who did what in a school, newest first, read from the events themselves: every event keeps
 * the account (or {@code system}) that caused it, so the audit trail cannot drift from what
 * happened. Filtered by the event's type, by the account, and by the days (in the school's time
 * zone) it happened on.
 */
@Tag(name = "audit", description = "Nhật ký sự kiện")
@RestController
class AuditController {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** An event's type as the trail shows it: the simple name of its record. */
    private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,99}");
    private static final Pattern ACTOR = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    AuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "Nhật ký mọi sự kiện đã lưu của trường, mới nhất trước")
    @GetMapping("/api/v1/schools/{schoolId}/audit")
    Page<AuditEntry> audit(AuditQuery asked) {
        String schoolId = asked.schoolId();
        String actor = asked.actor();
        String type = asked.type();
        DayRange days = asked.days();
        Paging paging = asked.paging();
        String filters = (actor == null ? "" : " and (metadata::jsonb ->> 'actor') = :actor")
                + (type == null ? "" : " and regexp_replace(payloadtype, '.*[.$]', '') = :type")
                + (days.from() == null ? "" : " and timestamp::timestamptz >= :from")
                + (days.to() == null ? "" : " and timestamp::timestamptz < :to");
        Timestamp fromInstant = days.from() == null ? null : Timestamp.from(days.from().atStartOfDay(SCHOOL_ZONE).toInstant());
        Timestamp toInstant = days.to() == null ? null : Timestamp.from(days.to().plusDays(1).atStartOfDay(SCHOOL_ZONE).toInstant());
        List<AuditEntry> items = jdbc.sql("""
                        select globalindex, timestamp, regexp_replace(payloadtype, '.*[.$]', '') as type,
                               metadata::jsonb ->> 'actor' as actor, payload
                        from domainevententry
                        where (payload::jsonb ->> 'schoolId') = :school""" + filters + """

                        order by globalindex desc limit :size offset :offset""")
                .param("school", schoolId)
                .param("actor", actor)
                .param("type", type)
                .param("from", fromInstant)
                .param("to", toInstant)
                .param("size", paging.size())
                .param("offset", paging.offset())
                .query((rs, row) -> new AuditEntry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                        rs.getString(4), JSON.readTree(rs.getString(5))))
                .list();
        long total = jdbc.sql("select count(*) from domainevententry where (payload::jsonb ->> 'schoolId') = :school" + filters)
                .param("school", schoolId)
                .param("actor", actor)
                .param("type", type)
                .param("from", fromInstant)
                .param("to", toInstant)
                .query(Long.class).single();
        return paging.of(items, total);
    }

    /** Which entries of a school's trail, on which page: every filter optional. */
    record AuditQuery(String schoolId, Paging paging, String actor, String type, DayRange days) implements CheckedRequest {

        AuditQuery(RequestValues in) {
            this(PathIds.school(in), Paging.of(in), in.check().optionalMatching("actor", in.value("actor"), ACTOR),
                    in.check().optionalMatching("type", in.value("type"), TYPE), DayRange.of(in));
        }
    }

    /** @param event the event's fields, as the event store keeps them */
    record AuditEntry(long position, Instant occurredAt, String type, String actor, JsonNode event) {
    }
}
