package vn.motsach.query.classes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.security.CurrentCaller;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.patrons.Memberships;
import vn.motsach.query.web.ListView;
import vn.motsach.query.web.Sql;

@Tag(name = "patrons", description = "Bạn đọc và lớp học")
@RestController
class ClassQueryController {

    /**
     * The active patrons of the class {@code %1$s} on {@code :on}, as {@code p} with their
     * membership {@code m}: one definition for the roster and the list's counts.
     */
    private static final String MEMBERS_ON = """
            from (%s where m.school_id = :school
                    and m.patron_id in (select patron_id from qs_patron_membership
                                        where school_id = :school and class_id = %%1$s)) m
            join qs_patron p on p.school_id = m.school_id and p.patron_id = m.patron_id
            where m.class_id = %%1$s and m.valid_from <= :on and (m.valid_until is null or m.valid_until > :on)
              and %s""".formatted(Memberships.INTERVALS, Memberships.ACTIVE_ON);

    /**
     * The last day of class {@code c}'s school year: its own last day, or (a year never scheduled)
     * the day before the next year begins; as the rollover takes a year's students.
     */
    private static final String YEAR_LAST_DAY = """
            coalesce((select y.ends_on from qs_school_year y where y.school_id = c.school_id and y.school_year = c.school_year),
                     (select y.starts_on - 1 from qs_school_year y where y.school_id = c.school_id
                        and y.school_year = (cast(substr(c.school_year, 1, 4) as integer) + 1) || '-'
                                            || (cast(substr(c.school_year, 1, 4) as integer) + 2)))""";

    private final JdbcClient jdbc;
    private final Clock clock;

    ClassQueryController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The classes of a school year (of every year when none is named), by grade and name; a
     * teacher limited to their classes sees theirs only. A school has tens of classes, not
     * thousands: the list is whole, as the contract says ({@code {items}}).
     */
    @Operation(summary = "Danh sách lớp của một năm học (List the classes of a school year)",
            description = "Mỗi lớp với tên, khối, năm học, giáo viên chủ nhiệm và sĩ số hôm nay (enrolled: học sinh của lớp, "
                    + "không kể giáo viên, nhân viên được ghi vào lớp); lateJoiners: những học sinh trong số ấy vào lớp sau ngày "
                    + "cuối năm học của lớp (thường là học sinh năm nay bị ghi vào lớp năm ngoái: năm học mới không lên lớp được "
                    + "khi còn các em).")
    @GetMapping("/api/v1/schools/{schoolId}/classes")
    ListView<ClassSummaryView> classes(ClassList asked) {
        String school = asked.schoolId();
        String year = asked.schoolYear();
        Set<String> own = CurrentCaller.ownClassesOnly().orElse(null);
        return new ListView<>(jdbc.sql("""
                        select c.*, (select count(*) %1$s and p.category = 'STUDENT') as enrolled,
                               (select count(*) %1$s and p.category = 'STUDENT' and m.valid_from > %2$s) as late_joiners
                        from qs_class c
                        where c.school_id = :school and (cast(:year as varchar) is null or c.school_year = :year)
                          and (cast(:own as varchar[]) is null or c.class_id = any(:own))
                        order by c.school_year desc, c.grade, qs_fold(c.name), c.class_id"""
                        .formatted(MEMBERS_ON.formatted("c.class_id"), YEAR_LAST_DAY))
                .param("school", school)
                .param("year", year)
                .param("own", own == null ? null : own.toArray(String[]::new))
                .param("on", SchoolDates.today(clock))
                .query((rs, row) -> new ClassSummaryView(rs.getString("class_id"), rs.getString("name"), rs.getInt("grade"),
                        rs.getString("school_year"), rs.getString("homeroom_teacher_id"), rs.getInt("enrolled"),
                        Sql.date(rs, "closed_on"), rs.getInt("late_joiners")))
                .list());
    }

    /** The class and its roster today, or on the date {@code on} names. */
    @Refusals(notFound = "CLASS_NOT_FOUND")
    @Operation(summary = "Một lớp với danh sách học sinh vào một ngày (mặc định hôm nay)")
    @GetMapping("/api/v1/schools/{schoolId}/classes/{classId}")
    ClassView schoolClass(OneClass asked) {
        String school = asked.schoolId();
        String id = asked.classId();
        LocalDate date = asked.on() == null ? SchoolDates.today(clock) : asked.on();
        ClassView found = jdbc.sql("select * from qs_class where school_id = :school and class_id = :class_id")
                .param("school", school)
                .param("class_id", id)
                .query((rs, row) -> new ClassView(rs.getString("class_id"), rs.getString("name"), rs.getInt("grade"),
                        rs.getString("school_year"), rs.getString("homeroom_teacher_id"), date, List.of(),
                        Sql.date(rs, "closed_on")))
                .optional()
                .orElseThrow(() -> new Refused(RefusalCode.CLASS_NOT_FOUND, id));
        return new ClassView(found.classId(), found.name(), found.grade(), found.schoolYear(), found.homeroomTeacherId(),
                date, roster(school, id, date), found.closedOn());
    }

    /** Ordered as Vietnamese class lists are: by given name (the last word), then by full name. */
    private List<ClassView.RosterEntryView> roster(String school, String classId, LocalDate on) {
        return jdbc.sql("""
                        select p.patron_id, p.full_name, p.category, m.valid_from
                        %s
                        order by qs_fold(substring(p.full_name from '([^ ]+)$')), qs_fold(p.full_name), p.patron_id"""
                        .formatted(MEMBERS_ON.formatted(":class_id")))
                .param("school", school)
                .param("class_id", classId)
                .param("on", on)
                .query((rs, row) -> new ClassView.RosterEntryView(rs.getString("patron_id"), rs.getString("full_name"),
                        rs.getString("category"), Sql.date(rs, "valid_from")))
                .list();
    }

    record ClassList(String schoolId, String schoolYear) implements CheckedRequest {

        ClassList(RequestValues in) {
            this(PathIds.school(in), PathIds.optionalSchoolYear(in));
        }
    }

    /** {@code on}: the day of the roster, today when not given. */
    record OneClass(String schoolId, String classId, LocalDate on) implements CheckedRequest {

        OneClass(RequestValues in) {
            this(PathIds.school(in), PathIds.local(in, "classId"), in.check().date("on", in.value("on")));
        }
    }
}
