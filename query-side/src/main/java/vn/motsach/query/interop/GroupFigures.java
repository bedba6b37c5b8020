package vn.motsach.query.interop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.SchoolYear;

/**
 * A group's liên thông figures for the authority, read live from the projections of the events
 * (inter-library loans, rotations and the loans of rotated copies). Only exchanges between two
 * members of the group count; a school year is August to July, as the group's schools may keep
 * different calendars. Days to fulfil: the median, less swayed than a mean by one parcel lost for weeks.
 */
@Component
class GroupFigures {

    private final JdbcClient jdbc;

    GroupFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of the authority's own group; empty when the authority has no such group. */
    Optional<GroupFiguresView> of(String authority, String group, SchoolYear year) {
        int first = Integer.parseInt(year.value().substring(0, 4));
        LocalDate from = LocalDate.of(first, 8, 1);
        LocalDate until = LocalDate.of(first + 1, 8, 1);
        String window = """
                with m as (select school_id from qs_interop_member where group_id = :group),
                     y as (select cast(:from as timestamp) at time zone 'Asia/Ho_Chi_Minh' as starts,
                                  cast(:until as timestamp) at time zone 'Asia/Ho_Chi_Minh' as ends)
                """;
        return jdbc.sql(window + """
                        select g.group_id, g.name,
                               (select count(*) from qs_interlibrary_loan r, y
                                where r.borrowing_school_id in (select school_id from m) and r.lending_school_id in (select school_id from m)
                                  and r.requested_at >= y.starts and r.requested_at < y.ends) as requested,
                               (select count(*) from qs_interlibrary_loan r, y
                                where r.borrowing_school_id in (select school_id from m) and r.lending_school_id in (select school_id from m)
                                  and r.requested_at >= y.starts and r.requested_at < y.ends and r.received_at is not null) as fulfilled,
                               (select percentile_cont(0.5) within group (order by extract(epoch from r.received_at - r.requested_at) / 86400)
                                from qs_interlibrary_loan r, y
                                where r.borrowing_school_id in (select school_id from m) and r.lending_school_id in (select school_id from m)
                                  and r.requested_at >= y.starts and r.requested_at < y.ends and r.received_at is not null) as median_days,
                               (select count(*) from qs_rotation r, y
                                where r.owner_school_id in (select school_id from m) and r.partner_school_id in (select school_id from m)
                                  and r.sent_at >= y.starts and r.sent_at < y.ends) as rotations,
                               (select count(*) from qs_rotation r join qs_rotation_copy c on c.rotation_id = r.rotation_id, y
                                where r.owner_school_id in (select school_id from m) and r.partner_school_id in (select school_id from m)
                                  and r.sent_at >= y.starts and r.sent_at < y.ends) as copies,
                               (select count(*) from qs_rotation r join qs_rotation_loan l on l.rotation_id = r.rotation_id, y
                                where r.owner_school_id in (select school_id from m) and r.partner_school_id in (select school_id from m)
                                  and l.borrowed_at >= y.starts and l.borrowed_at < y.ends) as loans
                        from qs_interop_group g where g.group_id = :group and g.authority_id = :authority""")
                .param("group", group)
                .param("authority", authority)
                .param("from", from)
                .param("until", until)
                .query((rs, row) -> {
                    BigDecimal median = rs.getBigDecimal("median_days");
                    return new GroupFiguresView(rs.getString("group_id"), rs.getString("name"), year.value(), rs.getInt("requested"),
                            rs.getInt("fulfilled"), median == null ? null : median.setScale(1, RoundingMode.HALF_UP),
                            rs.getInt("rotations"), rs.getInt("copies"), rs.getInt("loans"));
                })
                .optional();
    }
}
