package vn.motsach.query.reading;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.security.CurrentCaller;
import vn.motsach.infra.time.TimeAutoConfiguration;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.DayRange;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.patrons.Memberships;
import vn.motsach.query.web.PageRequest;
import vn.motsach.query.web.PageView;
import vn.motsach.query.web.Sql;

/**
 * The lists of reading culture: library periods, reading events, a patron's reading sessions.
 * A teacher limited to their classes sees their classes' periods and events only, and the
 * sessions of their own students.
 */
@Tag(name = "reading", description = "Văn hoá đọc: phiên đọc, giờ đọc thư viện, sự kiện đọc, mục tiêu")
@RestController
class ReadingActivitiesQueryController {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReadingActivitiesQueryController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Operation(summary = "Danh sách tiết đọc thư viện theo lớp hoặc khoảng ngày (List library periods)",
            description = "Lọc theo lớp (classId) và ngày (from, to: YYYY-MM-DD); mới nhất trước; phân trang page/size. "
                    + "Giáo viên chỉ thấy các lớp mình phụ trách.")
    @GetMapping("/api/v1/schools/{schoolId}/library-periods")
    PageView<LibraryPeriodView> libraryPeriods(ClassActivities asked) {
        ClassList list = classList(asked);
        String where = """
                 from qs_library_period l
                where l.school_id = :school and (cast(:class_id as varchar) is null or l.class_id = :class_id)
                  and (cast(:own as varchar[]) is null or l.class_id = any(:own))
                  and (cast(:from as date) is null or l.held_on >= :from) and (cast(:to as date) is null or l.held_on <= :to)""";
        return paged("select l.*" + where + " order by l.held_on desc, l.class_id, l.period_id", "select count(*)" + where,
                list.parameters(), list.paging(), (rs, row) -> {
                    List<String> attendees = Sql.strings(rs, "attendee_ids");
                    return new LibraryPeriodView(Sql.uuid(rs, "period_id"), rs.getString("class_id"), Sql.date(rs, "held_on"),
                            rs.getString("activity"), attendees, attendees.size(), rs.getInt("enrolled_students"),
                            rs.getString("teacher_id"), rs.getString("note"));
                });
    }

    @Operation(summary = "Danh sách hoạt động đọc (List reading events)",
            description = "Các hoạt động diễn ra trong khoảng ngày (from, to) và có lớp classId; mới nhất trước; phân trang "
                    + "page/size. Giáo viên chỉ thấy hoạt động của lớp mình, và số người tham gia của lớp mình.")
    @GetMapping("/api/v1/schools/{schoolId}/reading-events")
    PageView<ReadingEventView> readingEvents(ClassActivities asked) {
        ClassList list = classList(asked);
        String where = """
                 from qs_reading_event e
                where e.school_id = :school and (cast(:class_id as varchar) is null or :class_id = any(e.class_ids))
                  and (cast(:own as varchar[]) is null or e.class_ids && cast(:own as text[]))
                  and (cast(:from as date) is null or e.ends_on >= :from) and (cast(:to as date) is null or e.starts_on <= :to)""";
        return paged("""
                        select e.*, (select count(*) from qs_reading_event_participant p
                                     where p.school_id = e.school_id and p.event_id = e.event_id
                                       and (cast(:own as varchar[]) is null or p.class_id = any(:own))) as participants"""
                        + where + " order by e.starts_on desc, e.name, e.event_id", "select count(*)" + where,
                list.parameters(), list.paging(),
                (rs, row) -> new ReadingEventView(Sql.uuid(rs, "event_id"), rs.getString("name"), rs.getString("kind"),
                        Sql.date(rs, "starts_on"), Sql.date(rs, "ends_on"), Sql.strings(rs, "class_ids"), rs.getInt("participants")));
    }

    /** A teacher limited to their classes reads the sessions of a student in one of them today. */
    @Operation(summary = "Các lượt đọc của một bạn đọc (List a patron's reading sessions)",
            description = "Lọc theo ngày bắt đầu (from, to); mới nhất trước; phân trang page/size. selfReported = true khi "
                    + "bạn đọc tự khai (đọc ở nhà).")
    @Refusals(notFound = "PATRON_NOT_FOUND")
    @GetMapping("/api/v1/schools/{schoolId}/patrons/{patronId}/reading-sessions")
    PageView<ReadingSessionView> readingSessions(PatronSessions asked) {
        String school = asked.schoolId();
        String patron = asked.patronId();
        DayRange dates = asked.days();
        PageRequest paging = asked.paging();
        List<String> classToday = jdbc.sql("select coalesce(c.class_id, '') from qs_patron p " + Memberships.CLASS_ON
                        + " where p.school_id = :school and p.patron_id = :patron")
                .param("school", school)
                .param("patron", patron)
                .param("on", SchoolDates.today(clock))
                .query(String.class)
                .list();
        if (classToday.isEmpty()) {
            throw new Refused(RefusalCode.PATRON_NOT_FOUND, patron);
        }
        CurrentCaller.requireClasses(classToday);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("school", school);
        parameters.put("patron", patron);
        parameters.put("from", dates.from() == null ? null : Sql.timestamp(startOf(dates.from())));
        parameters.put("to", dates.to() == null ? null : Sql.timestamp(startOf(dates.to().plusDays(1))));
        String where = """
                 from qs_reading_session s
                where s.school_id = :school and s.patron_id = :patron
                  and (cast(:from as timestamptz) is null or s.started_at >= :from)
                  and (cast(:to as timestamptz) is null or s.started_at < :to)""";
        return paged("select s.*" + where + " order by s.started_at desc, s.session_id", "select count(*)" + where, parameters,
                paging, (rs, row) -> new ReadingSessionView(Sql.uuid(rs, "session_id"), rs.getString("patron_id"),
                        rs.getString("class_id"), Sql.uuid(rs, "title_id"), Sql.instant(rs, "started_at"), rs.getInt("minutes"),
                        rs.getString("place"), rs.getBoolean("self_reported")));
    }

    /**
     * The parameters of a list of a class's activities: the school, the class (refused when a
     * teacher does not teach it), the classes a teacher limited to theirs may see ({@code own},
     * {@code null} for every class), the days ({@code from}, {@code to}) and the page.
     */
    private static ClassList classList(ClassActivities asked) {
        String school = asked.schoolId();
        String schoolClass = asked.classId();
        DayRange dates = asked.days();
        PageRequest paging = asked.paging();
        if (schoolClass != null) {
            CurrentCaller.requireClasses(List.of(schoolClass));
        }
        Set<String> own = CurrentCaller.ownClassesOnly().orElse(null);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("school", school);
        parameters.put("class_id", schoolClass);
        parameters.put("own", own == null ? null : own.toArray(String[]::new));
        parameters.put("from", dates.from());
        parameters.put("to", dates.to());
        return new ClassList(parameters, paging);
    }

    private record ClassList(Map<String, Object> parameters, PageRequest paging) {
    }

    /** A list of a class's activities, or of every class's: the days ({@code from}, {@code to}) and the page. */
    record ClassActivities(String schoolId, String classId, DayRange days, PageRequest paging) implements CheckedRequest {

        ClassActivities(RequestValues in) {
            this(PathIds.school(in), PathIds.optionalLocal(in, "classId"), DayRange.of(in), PageRequest.of(in));
        }
    }

    /** A patron's sessions that started on the days from {@code from} to {@code to}, a page of them. */
    record PatronSessions(String schoolId, String patronId, DayRange days, PageRequest paging) implements CheckedRequest {

        PatronSessions(RequestValues in) {
            this(PathIds.school(in), PathIds.local(in, "patronId"), DayRange.of(in), PageRequest.of(in));
        }
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(TimeAutoConfiguration.SCHOOL_ZONE).toInstant();
    }

    private <T> PageView<T> paged(String select, String count, Map<String, Object> parameters, PageRequest page,
            RowMapper<T> rows) {
        Map<String, Object> withPage = new HashMap<>(parameters);
        withPage.put("limit", page.size());
        withPage.put("offset", page.offset());
        List<T> items = jdbc.sql(select + " limit :limit offset :offset").params(withPage).query(rows).list();
        return page.of(items, jdbc.sql(count).params(parameters).query(Long.class).single());
    }
}
