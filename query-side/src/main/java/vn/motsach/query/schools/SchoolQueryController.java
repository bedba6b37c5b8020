package vn.motsach.query.schools;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.authorities.AuthorityTreeSql;
import vn.motsach.query.web.Sql;

@Tag(name = "schools", description = "Trường, năm học, chính sách mượn")
@RestController
class SchoolQueryController {

    private static final String COLUMNS = "select school_id, name, education_levels, authority_id, registered_at, updated_at";

    /**
     * The schools a list asks for: all, or those of one authority and of every authority below it
     * at any depth (each school under its authority now); by name, ignoring case and diacritics.
     */
    private static final String LISTED = " from qs_school where (cast(:authority as varchar) is null"
            + " or authority_id in (select authority_id from below))";

    private final JdbcClient jdbc;

    SchoolQueryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Một trường: tên, cấp học, cơ quan quản lý")
    @GetMapping("/api/v1/schools/{schoolId}")
    SchoolView school(@PathVariable String schoolId) {
        return jdbc.sql(COLUMNS + " from qs_school where school_id = ?")
                .param(schoolId)
                .query((rs, row) -> school(rs))
                .optional()
                .orElseThrow(() -> new Refused(RefusalCode.SCHOOL_NOT_FOUND, schoolId));
    }

    /** For the system administrator: every school, or one authority's. */
    @Operation(summary = "Danh sách tất cả các trường (List every school, for the system administrator)",
            description = "Lọc theo cơ quan quản lý (authorityId); sắp theo tên; phân trang page/size.")
    @GetMapping("/api/v1/schools")
    Page<SchoolView> schools(SchoolList asked) {
        return list(asked.authorityId(), asked.paging());
    }

    /** For an authority's administrator: the schools it supervises, directly or through the authorities below it. */
    @Operation(summary = "Các trường thuộc một cơ quan quản lý (List the schools of an authority)",
            description = "Sắp theo tên; phân trang page/size.")
    @GetMapping("/api/v1/authorities/{authorityId}/schools")
    Page<SchoolView> schoolsOf(AuthoritySchools asked) {
        return list(asked.authorityId(), asked.paging());
    }

    private Page<SchoolView> list(String authority, Paging paging) {
        List<SchoolView> items = jdbc.sql(AuthorityTreeSql.BELOW + COLUMNS + LISTED
                        + " order by qs_fold(name), school_id limit :limit offset :offset")
                .param("authority", authority)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, row) -> school(rs))
                .list();
        long total = jdbc.sql(AuthorityTreeSql.BELOW + "select count(*)" + LISTED)
                .param("authority", authority).query(Long.class).single();
        return paging.of(items, total);
    }

    private static SchoolView school(ResultSet rs) throws SQLException {
        return new SchoolView(rs.getString("school_id"), rs.getString("name"), Sql.strings(rs, "education_levels"),
                rs.getString("authority_id"), Sql.instant(rs, "registered_at"), Sql.instant(rs, "updated_at"));
    }

    /** {@code authorityId}: every school when not given; given empty, it is refused for its format. */
    record SchoolList(String authorityId, Paging paging) implements CheckedRequest {

        SchoolList(RequestValues in) {
            this(in.check().optionalMatching("authorityId", in.value("authorityId"), AuthorityId.FORMAT), Paging.of(in));
        }
    }

    record AuthoritySchools(String authorityId, Paging paging) implements CheckedRequest {

        AuthoritySchools(RequestValues in) {
            this(PathIds.authority(in), Paging.of(in));
        }
    }
}
