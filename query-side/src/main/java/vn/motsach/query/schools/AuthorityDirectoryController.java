package vn.motsach.query.schools;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.web.PageRequest;
import vn.motsach.query.web.PageView;

/**
 * The authorities the system knows, for its administrator. Authorities are not registered on
 * their own yet: an authority is known through the schools that name it, so the list is read
 * from the school directory, with how many schools each supervises.
 */
@Tag(name = "schools", description = "Trường, năm học, chính sách mượn")
@RestController
class AuthorityDirectoryController {

    private final JdbcClient jdbc;

    AuthorityDirectoryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "Danh sách cơ quan quản lý (List the authorities, for the system administrator)",
            description = "Mỗi cơ quan quản lý (Sở, Phòng GD&ĐT) với số trường trực thuộc; phân trang page/size.")
    @GetMapping("/api/v1/authorities")
    PageView<AuthoritySummaryView> authorities(AuthorityList asked) {
        PageRequest paging = asked.paging();
        List<AuthoritySummaryView> items = jdbc.sql("""
                        select authority_id, count(*) as school_count from qs_school where authority_id is not null
                        group by authority_id order by authority_id limit :limit offset :offset""")
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, row) -> new AuthoritySummaryView(rs.getString("authority_id"), rs.getLong("school_count")))
                .list();
        long total = jdbc.sql("select count(distinct authority_id) from qs_school").query(Long.class).single();
        return paging.of(items, total);
    }

    record AuthoritySummaryView(String authorityId, long schoolCount) {
    }

    record AuthorityList(PageRequest paging) implements CheckedRequest {

        AuthorityList(RequestValues in) {
            this(PageRequest.of(in));
        }
    }
}
