package vn.motsach.query.interop;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.query.web.Sql;

/** A page of a school's inter-library loan requests, sent or received, newest first. */
@Component
class InterlibraryLoanList {

    /** The requests a school sent or received; the title's words from the lending school's catalogue. */
    private static final String LISTED = """
            from qs_interlibrary_loan r
            left join qs_catalogue_title t on t.school_id = r.lending_school_id and t.title_id = r.title_id
            where ((cast(:direction as varchar) is distinct from 'IN' and r.borrowing_school_id = :school)
                or (cast(:direction as varchar) is distinct from 'OUT' and r.lending_school_id = :school))
              and (cast(:status as varchar) is null or r.status = :status)""";

    private final JdbcClient jdbc;

    InterlibraryLoanList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<InterlibraryLoanView> of(String school, Direction direction, Status status, Paging paging) {
        Map<String, Object> asked = new HashMap<>();
        asked.put("school", school);
        asked.put("direction", direction == null ? null : direction.name());
        asked.put("status", status == null ? null : status.name());
        List<InterlibraryLoanView> items = jdbc.sql("select r.*, t.title,"
                        + " case when r.borrowing_school_id = :school then 'OUT' else 'IN' end as direction " + LISTED
                        + " order by r.requested_at desc, r.request_id limit :limit offset :offset")
                .params(asked)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, row) -> {
                    boolean ours = "OUT".equals(rs.getString("direction"));
                    return new InterlibraryLoanView(rs.getString("request_id"), rs.getString("direction"),
                            rs.getString("borrowing_school_id"), rs.getString("lending_school_id"), rs.getString("title_id"),
                            rs.getString("title"), ours ? rs.getString("patron_id") : null, rs.getString("barcode"),
                            rs.getString("status"), rs.getString("refusal"), Sql.instant(rs, "requested_at"),
                            Sql.instant(rs, "updated_at"));
                })
                .list();
        return paging.of(items, jdbc.sql("select count(*) " + LISTED).params(asked).query(Long.class).single());
    }

    /** {@code OUT}: the requests a school sent for its readers; {@code IN}: those it received as the lender. */
    enum Direction {
        IN,
        OUT
    }

    /** The steps a request goes through, as a list filters them. */
    enum Status {
        REQUESTED,
        REFUSED,
        SHIPPED,
        RECEIVED,
        RETURN_SHIPPED,
        RETURNED
    }
}
