package vn.motsach.query.classes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.patrons.Memberships;
import vn.motsach.query.web.PathIds;
import vn.motsach.query.web.Sql;

@Tag(name = "patrons", description = "Bạn đọc và lớp học")
@RestController
class ClassQueryController {

    private final JdbcClient jdbc;
    private final Clock clock;

    ClassQueryController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The class and its roster today, or on the date {@code on} names. */
    @Refusals(notFound = "CLASS_NOT_FOUND")
    @Operation(summary = "Một lớp với danh sách học sinh vào một ngày (mặc định hôm nay)")
    @GetMapping("/api/v1/schools/{schoolId}/classes/{classId}")
    ClassView schoolClass(@PathVariable String schoolId, @PathVariable String classId,
            @RequestParam(required = false) String on) {
        RequestCheck check = RequestCheck.of();
        String school = PathIds.school(check, schoolId);
        String id = PathIds.local(check, "classId", classId);
        LocalDate date = on == null || on.isBlank() ? SchoolDates.today(clock) : check.converted("on", on, LocalDate::parse);
        check.orRefuse();
        ClassView found = jdbc.sql("select * from qs_class where school_id = :school and class_id = :class_id")
                .param("school", school)
                .param("class_id", id)
                .query((rs, row) -> new ClassView(rs.getString("class_id"), rs.getString("name"), rs.getInt("grade"),
                        rs.getString("school_year"), rs.getString("homeroom_teacher_id"), date, List.of()))
                .optional()
                .orElseThrow(() -> new Refused(RefusalCode.CLASS_NOT_FOUND, classId));
        return new ClassView(found.classId(), found.name(), found.grade(), found.schoolYear(), found.homeroomTeacherId(),
                date, roster(school, id, date));
    }

    /** Ordered as Vietnamese class lists are: by given name (the last word), then by full name. */
    private List<ClassView.RosterEntryView> roster(String school, String classId, LocalDate on) {
        return jdbc.sql("""
                        select p.patron_id, p.full_name, p.category, m.valid_from
                        from (%s where m.school_id = :school
                                and m.patron_id in (select patron_id from qs_patron_membership
                                                    where school_id = :school and class_id = :class_id)) m
                        join qs_patron p on p.school_id = m.school_id and p.patron_id = m.patron_id
                        where m.class_id = :class_id and m.valid_from <= :on and (m.valid_until is null or m.valid_until > :on)
                          and %s
                        order by qs_fold(substring(p.full_name from '([^ ]+)$')), qs_fold(p.full_name), p.patron_id""".formatted(Memberships.INTERVALS, Memberships.ACTIVE_ON))
                .param("school", school)
                .param("class_id", classId)
                .param("on", on)
                .query((rs, row) -> new ClassView.RosterEntryView(rs.getString("patron_id"), rs.getString("full_name"),
                        rs.getString("category"), Sql.date(rs, "valid_from")))
                .list();
    }
}
