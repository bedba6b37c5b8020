package vn.motsach.query.holds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.query.web.Sql;

/**
 * Holds in queue order: those ready on the hold shelf first, then the waiting ones by their
 * place in the queue, then the closed ones, newest first. Public for the patron view.
 */
@Component
public class Holds {

    /**
     * Every hold of the titles in question with its place in the queue: the rank among the title's
     * waiting holds in order of placement (the event's position in the store).
     */
    private static final String QUEUED = """
            with queued as (
              select h.*, t.title, p.full_name,
                     case when h.status = 'WAITING'
                          then row_number() over (partition by h.title_id, h.status = 'WAITING' order by h.placed_position)
                     end as queue_position,
                     case h.status when 'READY' then 0 when 'WAITING' then 1 else 2 end as stage
              from qs_hold h
              left join qs_catalogue_title t on t.school_id = h.school_id and t.title_id = h.title_id
              left join qs_patron p on p.school_id = h.school_id and p.patron_id = h.patron_id
              where h.school_id = :school and h.title_id in (%s))
            """;

    private static final String ORDER = " order by stage, ready_at, queue_position, closed_at desc, placed_position desc";

    private final JdbcClient jdbc;

    Holds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A patron's holds that are still waiting or ready. */
    public List<HoldView> activeHoldsOf(String school, String patron) {
        return jdbc.sql(QUEUED.formatted("select title_id from qs_hold where school_id = :school and patron_id = :patron")
                        + "select * from queued where patron_id = :patron and stage < 2" + ORDER)
                .param("school", school)
                .param("patron", patron)
                .query((rs, row) -> hold(rs))
                .list();
    }

    /** One hold with its place in its title's queue while it waits. */
    Optional<HoldView> one(String school, UUID holdId) {
        return jdbc.sql(QUEUED.formatted("select title_id from qs_hold where school_id = :school and hold_id = :hold_id")
                        + "select * from queued where hold_id = :hold_id")
                .param("school", school)
                .param("hold_id", holdId)
                .query((rs, row) -> hold(rs))
                .optional();
    }

    Page<HoldView> find(String school, UUID title, String patron, String status, Paging page) {
        String titles = title != null ? ":title_id"
                : patron != null ? "select title_id from qs_hold where school_id = :school and patron_id = :patron"
                : "select title_id from qs_hold where school_id = :school";
        String where = " where (cast(:patron as varchar) is null or patron_id = :patron)"
                + " and (cast(:status as varchar) is null or status = :status or (:status = 'ACTIVE' and stage < 2))";
        List<HoldView> items = jdbc.sql(QUEUED.formatted(titles) + "select * from queued" + where + ORDER
                        + " limit :limit offset :offset")
                .param("school", school)
                .param("title_id", title)
                .param("patron", patron)
                .param("status", status)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> hold(rs))
                .list();
        long total = jdbc.sql(QUEUED.formatted(titles) + "select count(*) from queued" + where)
                .param("school", school)
                .param("title_id", title)
                .param("patron", patron)
                .param("status", status)
                .query(Long.class)
                .single();
        return page.of(items, total);
    }

    private static HoldView hold(ResultSet rs) throws SQLException {
        return new HoldView(Sql.uuid(rs, "hold_id"), Sql.uuid(rs, "title_id"), rs.getString("title"), rs.getString("patron_id"),
                rs.getString("full_name"), Sql.integer(rs, "queue_position"), rs.getString("status"), Sql.instant(rs, "placed_at"),
                rs.getString("barcode"), Sql.date(rs, "pickup_by"), Sql.instant(rs, "closed_at"));
    }
}
