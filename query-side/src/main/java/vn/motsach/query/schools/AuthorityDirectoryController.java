package vn.motsach.query.schools;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.infra.web.RequestValues;

/**
 * The authorities the system knows, for its administrator: those of the tree and those only
 * schools name (which the tree does not hold yet, and which only the system's administrator may
 * place in it), each with the schools that name it and the schools at any depth below it.
 */
@Tag(name = "schools", description = "Trường, năm học, chính sách mượn")
@RestController
class AuthorityDirectoryController {

    /** One page of authorities, with their counts; the tree walk starts from the page's authorities only. */
    private static final String PAGE = """
            with recursive named (authority_id, schools) as (
              select authority_id, count(*) from qs_school where authority_id is not null group by authority_id
            ), listed (authority_id) as (
              select authority_id from (select authority_id from authority_tree union select authority_id from named) known
              order by authority_id limit :limit offset :offset
            ), descent (listed_id, authority_id, depth) as (
              select authority_id, authority_id, 0 from listed
              union all
              select d.listed_id, t.authority_id, d.depth + 1 from descent d join authority_tree t on t.parent_id = d.authority_id
              where d.depth < 16
            )
            select l.authority_id, t.name, t.kind, t.parent_id, t.authority_id is not null as in_tree,
                   coalesce(n.schools, 0) as school_count,
                   (select coalesce(sum(below.schools), 0) from descent d join named below on below.authority_id = d.authority_id
                    where d.listed_id = l.authority_id) as schools_below
            from listed l
            left join authority_tree t on t.authority_id = l.authority_id
            left join named n on n.authority_id = l.authority_id
            order by l.authority_id""";

    private final JdbcClient jdbc;

    AuthorityDirectoryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "Danh sách cơ quan quản lý (List the authorities, for the system administrator)",
            description = "Mỗi cơ quan quản lý trong cây hoặc được trường nêu tên, với số trường nêu nó (schoolCount) "
                    + "và số trường ở mọi cấp dưới nó (schoolsBelow); inTree = false: chưa được đặt vào cây. Phân trang page/size.")
    @GetMapping("/api/v1/authorities")
    Page<AuthoritySummaryView> authorities(AuthorityList asked) {
        Paging paging = asked.paging();
        List<AuthoritySummaryView> items = jdbc.sql(PAGE)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, row) -> new AuthoritySummaryView(rs.getString("authority_id"), rs.getLong("school_count"),
                        rs.getLong("schools_below"), rs.getBoolean("in_tree"), rs.getString("name"), rs.getString("kind"),
                        rs.getString("parent_id")))
                .list();
        long total = jdbc.sql("""
                        select count(*) from (select authority_id from authority_tree
                                              union select authority_id from qs_school where authority_id is not null) known""")
                .query(Long.class).single();
        return paging.of(items, total);
    }

    /**
     * @param schoolCount  the schools naming this authority as theirs
     * @param schoolsBelow those and the schools of every authority below it, at any depth
     * @param inTree       whether the tree holds it; if not, name, kind and parent are absent
     */
    record AuthoritySummaryView(String authorityId, long schoolCount, long schoolsBelow, boolean inTree,
                                @Nullable String name, @Nullable String kind, @Nullable String parentId) {
    }

    record AuthorityList(Paging paging) implements CheckedRequest {

        AuthorityList(RequestValues in) {
            this(Paging.of(in));
        }
    }
}
