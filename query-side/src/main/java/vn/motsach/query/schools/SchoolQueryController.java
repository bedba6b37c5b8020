package vn.motsach.query.schools;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;

@Tag(name = "schools", description = "Trường, năm học, chính sách mượn")
@RestController
class SchoolQueryController {

    private final JdbcClient jdbc;

    SchoolQueryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Một trường: tên, cấp học, cơ quan quản lý")
    @GetMapping("/api/v1/schools/{schoolId}")
    SchoolView school(@PathVariable String schoolId) {
        return jdbc.sql("""
                        select school_id, name, education_levels, authority_id, registered_at, updated_at
                        from qs_school where school_id = ?""")
                .param(schoolId)
                .query((rs, row) -> new SchoolView(rs.getString(1), rs.getString(2), strings(rs.getArray(3)),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
                .optional()
                .orElseThrow(() -> new Refused(RefusalCode.SCHOOL_NOT_FOUND, schoolId));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
