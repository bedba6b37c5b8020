package vn.motsach.query.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.DayRange;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.web.PageRequest;
import vn.motsach.query.web.PageView;
import vn.motsach.query.web.Sql;

@Tag(name = "catalogue", description = "Biên mục: nhan đề và bản sách")
@RestController
class IntakeQueryController {

    /** The intakes a list asks for: received in the range of days, either end open. */
    private static final String LISTED = """

            where i.school_id = :school
              and (cast(:from as date) is null or i.received_on >= :from)
              and (cast(:to as date) is null or i.received_on <= :to)""";

    /** Each intake's copies, counted and valued when read: an intake has a few hundred at most. */
    private static final String WITH_COPIES = """
            select i.*, n.copies, n.total_value from qs_intake i
            cross join lateral (select count(*) as copies, coalesce(sum(c.price), 0) as total_value from qs_copy c
                                where c.school_id = i.school_id and c.intake_id = i.intake_id) n""";

    private final JdbcClient jdbc;

    IntakeQueryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the order they were received, the order of the general register. */
    @Operation(summary = "Danh sách đợt nhập sách, với số bản và tổng giá trị (List intakes with their copies and value)",
            description = "Lọc theo ngày nhập (from, to); theo thứ tự ngày nhập; phân trang page/size.")
    @GetMapping("/api/v1/schools/{schoolId}/intakes")
    PageView<IntakeView> intakes(IntakeList asked) {
        PageRequest paging = asked.paging();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("school", asked.schoolId());
        parameters.put("from", asked.dates().from());
        parameters.put("to", asked.dates().to());
        long total = jdbc.sql("select count(*) from qs_intake i" + LISTED).params(parameters).query(Long.class).single();
        parameters.put("limit", paging.size());
        parameters.put("offset", paging.offset());
        List<IntakeView> items = jdbc.sql(WITH_COPIES + LISTED + " order by i.received_on, i.last_position limit :limit offset :offset")
                .params(parameters)
                .query((rs, row) -> new IntakeView(Sql.uuid(rs, "intake_id"), Sql.date(rs, "received_on"), rs.getString("source"),
                        rs.getString("document_no"), rs.getString("note"), rs.getLong("copies"), rs.getBigDecimal("total_value")))
                .list();
        return paging.of(items, total);
    }

    record IntakeList(String schoolId, DayRange dates, PageRequest paging) implements CheckedRequest {

        IntakeList(RequestValues in) {
            this(PathIds.school(in), DayRange.of(in), PageRequest.of(in));
        }
    }
}
