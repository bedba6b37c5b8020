package vn.motsach.query.interop;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.interop.RotationView.RotatedCopy;
import vn.motsach.query.web.Sql;

/** A page of a school's rotations, lent or received, newest first, each with its copies; overdue as of today. */
@Component
class RotationList {

    /**
     * The rotations a school lent or received with their direction and the number of copies still
     * away; {@code status} filtered here, in the statement, so that a page counts only what it lists.
     */
    private static final String LISTED = """
            from (select r.*, case when r.owner_school_id = :school then 'OUT' else 'IN' end as direction,
                         (select count(*) from qs_rotation_copy c where c.rotation_id = r.rotation_id and c.returned_at is null) as away
                  from qs_rotation r
                  where ((cast(:direction as varchar) is distinct from 'IN' and r.owner_school_id = :school)
                      or (cast(:direction as varchar) is distinct from 'OUT' and r.partner_school_id = :school))) r
            where case cast(:status as varchar) when 'OPEN' then r.away > 0
                                                when 'OVERDUE' then r.away > 0 and r.return_by < :today
                                                when 'RETURNED' then r.away = 0
                                                else true end""";

    private final JdbcClient jdbc;
    private final Clock clock;

    RotationList(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Page<RotationView> of(String school, Direction direction, Status status, Paging paging) {
        LocalDate today = SchoolDates.today(clock);
        Map<String, Object> asked = new HashMap<>();
        asked.put("school", school);
        asked.put("direction", direction == null ? null : direction.name());
        asked.put("status", status == null ? null : status.name());
        asked.put("today", today);
        Map<UUID, Rotation> rotations = new LinkedHashMap<>();
        jdbc.sql("select r.* " + LISTED + " order by r.sent_at desc, r.rotation_id limit :limit offset :offset")
                .params(asked)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(rs -> {
                    int away = rs.getInt("away");
                    LocalDate returnBy = Sql.date(rs, "return_by");
                    rotations.put(Sql.uuid(rs, "rotation_id"), new Rotation(rs.getString("rotation_id"), rs.getString("direction"),
                            rs.getString("owner_school_id"), rs.getString("partner_school_id"), returnBy,
                            Sql.instant(rs, "sent_at"), away, away > 0 && returnBy.isBefore(today), new ArrayList<>()));
                });
        long total = jdbc.sql("select count(*) " + LISTED).params(asked).query(Long.class).single();
        if (!rotations.isEmpty()) {
            jdbc.sql("""
                            select c.*, t.title from qs_rotation_copy c
                            left join qs_catalogue_title t on t.school_id = c.owner_school_id and t.title_id = c.title_id
                            where c.rotation_id = any(:ids) order by c.barcode""")
                    .param("ids", rotations.keySet().toArray(UUID[]::new))
                    .query(rs -> {
                        rotations.get(Sql.uuid(rs, "rotation_id")).copies().add(new RotatedCopy(rs.getString("barcode"),
                                rs.getString("title_id"), rs.getString("title"), Sql.instant(rs, "returned_at")));
                    });
        }
        return paging.of(rotations.values().stream().map(Rotation::view).toList(), total);
    }

    private record Rotation(String rotationId, String direction, String owner, String partner, LocalDate returnBy,
            Instant sentAt, int away, boolean overdue, List<RotatedCopy> copies) {

        RotationView view() {
            return new RotationView(rotationId, direction, owner, partner, returnBy, sentAt, away > 0 ? "OPEN" : "RETURNED",
                    overdue, away, List.copyOf(copies));
        }
    }

    /** {@code OUT}: the rotations a school lent; {@code IN}: those it received. */
    enum Direction {
        IN,
        OUT
    }

    /** {@code OPEN}: a copy still away; {@code OVERDUE}: open after its return date; {@code RETURNED}: all home. */
    enum Status {
        OPEN,
        OVERDUE,
        RETURNED
    }
}
