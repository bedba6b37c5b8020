package vn.motsach.query.interop;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.interop.RotationView.RotatedCopy;
import vn.motsach.query.web.Sql;

/** A school's rotations, lent or received, newest first, each with its copies; overdue as of today. */
@Component
class RotationList {

    private final JdbcClient jdbc;
    private final Clock clock;

    RotationList(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<RotationView> of(String school, Direction direction, Status status) {
        LocalDate today = SchoolDates.today(clock);
        Map<UUID, Rotation> rotations = new LinkedHashMap<>();
        jdbc.sql("""
                        select r.*, case when r.owner_school_id = :school then 'OUT' else 'IN' end as direction,
                               (select count(*) from qs_rotation_copy c where c.rotation_id = r.rotation_id and c.returned_at is null) as away
                        from qs_rotation r
                        where ((cast(:direction as varchar) is distinct from 'IN' and r.owner_school_id = :school)
                            or (cast(:direction as varchar) is distinct from 'OUT' and r.partner_school_id = :school))
                        order by r.sent_at desc, r.rotation_id""")
                .param("school", school)
                .param("direction", direction == null ? null : direction.name())
                .query(rs -> {
                    int away = rs.getInt("away");
                    LocalDate returnBy = Sql.date(rs, "return_by");
                    boolean overdue = away > 0 && returnBy.isBefore(today);
                    if (status == null || status.includes(away, overdue)) {
                        rotations.put(Sql.uuid(rs, "rotation_id"), new Rotation(rs.getString("rotation_id"), rs.getString("direction"),
                                rs.getString("owner_school_id"), rs.getString("partner_school_id"), returnBy,
                                Sql.instant(rs, "sent_at"), away, overdue, new ArrayList<>()));
                    }
                });
        if (rotations.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                        select c.*, t.title from qs_rotation_copy c
                        left join qs_catalogue_title t on t.school_id = c.owner_school_id and t.title_id = c.title_id
                        where c.rotation_id = any(:ids) order by c.barcode""")
                .param("ids", rotations.keySet().toArray(UUID[]::new))
                .query(rs -> {
                    rotations.get(Sql.uuid(rs, "rotation_id")).copies().add(new RotatedCopy(rs.getString("barcode"),
                            rs.getString("title_id"), rs.getString("title"), Sql.instant(rs, "returned_at")));
                });
        return rotations.values().stream().map(Rotation::view).toList();
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
        RETURNED;

        boolean includes(int away, boolean overdue) {
            return switch (this) {
                case OPEN -> away > 0;
                case OVERDUE -> overdue;
                case RETURNED -> away == 0;
            };
        }
    }
}
