package vn.motsach.query.patrons;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.security.CurrentCaller;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.holds.HoldView;
import vn.motsach.query.holds.Holds;
import vn.motsach.query.loans.LoanView;
import vn.motsach.query.loans.Loans;
import vn.motsach.query.web.Sql;

@Tag(name = "patrons", description = "Bạn đọc và lớp học")
@RestController
class PatronQueryController {

    private static final int MAX_QUERY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Loans loans;
    private final Holds holds;
    private final PatronDirectory directory;
    private final Clock clock;

    PatronQueryController(JdbcClient jdbc, Loans loans, Holds holds, PatronDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.loans = loans;
        this.holds = holds;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * A teacher limited to their classes sees their classes' patrons only: naming another class is
     * refused, naming none lists theirs.
     */
    @Operation(summary = "Danh sách bạn đọc của trường (List a school's patrons)",
            description = "Tìm theo tên hoặc mã, không phân biệt hoa thường và dấu (q); lọc theo lớp hôm nay (classId), "
                    + "đối tượng (category) và còn hoạt động (active); phân trang page/size.")
    @GetMapping("/api/v1/schools/{schoolId}/patrons")
    Page<PatronSummaryView> patrons(PatronList asked) {
        String school = asked.schoolId();
        String words = asked.q();
        String schoolClass = asked.classId();
        PatronCategory category = asked.category();
        Boolean active = asked.active();
        Paging paging = asked.paging();
        if (schoolClass != null) {
            CurrentCaller.requireClasses(List.of(schoolClass));
        }
        return directory.find(school, words, schoolClass, category == null ? null : category.name(), active,
                schoolClass == null ? CurrentCaller.ownClassesOnly().orElse(null) : null, SchoolDates.today(clock), paging);
    }

    /**
     * The class is the one the patron belongs to today, or, before their first membership starts,
     * the one they will join; a departure dated ahead is not one yet, and is told as the day they leave.
     */
    @Refusals(notFound = "PATRON_NOT_FOUND")
    @Operation(summary = "Một bạn đọc với lớp, sách đang mượn và lượt đặt trước")
    @GetMapping("/api/v1/schools/{schoolId}/patrons/{patronId}")
    PatronView patron(OnePatron asked) {
        String school = asked.schoolId();
        String patron = asked.patronId();
        LocalDate today = SchoolDates.today(clock);
        return jdbc.sql("""
                        select p.patron_id, p.full_name, p.category, p.registered_on,
                               coalesce(
                                 (select m.class_id from (%s) m
                                  where m.school_id = p.school_id and m.patron_id = p.patron_id and m.valid_from <= :on
                                    and (m.valid_until is null or m.valid_until > :on)
                                  limit 1),
                                 (select m.class_id from qs_patron_membership m
                                  where m.school_id = p.school_id and m.patron_id = p.patron_id and m.valid_from > :on
                                    and not exists (select 1 from qs_patron_membership e where e.school_id = m.school_id
                                                    and e.patron_id = m.patron_id and e.valid_from <= :on)
                                  order by m.valid_from, m.position limit 1)) as class_id,
                               %s as active,
                               (select d.on_date from qs_patron_departure d
                                where d.school_id = p.school_id and d.patron_id = p.patron_id and d.kind = 'LEFT'
                                order by d.on_date desc, d.position desc limit 1) as left_on,
                               (select d.on_date from qs_patron_departure d
                                where d.school_id = p.school_id and d.patron_id = p.patron_id and d.kind = 'LEFT'
                                  and d.on_date > :on
                                order by d.on_date desc, d.position desc limit 1) as leaves_on
                        from qs_patron p where p.school_id = :school and p.patron_id = :patron"""
                        .formatted(Memberships.INTERVALS + " where m.school_id = :school and m.patron_id = :patron",
                                Memberships.ACTIVE_ON))
                .param("school", school)
                .param("patron", patron)
                .param("on", today)
                .query((rs, row) -> {
                    boolean active = rs.getBoolean("active");
                    return new PatronView(rs.getString("patron_id"), rs.getString("full_name"), rs.getString("category"),
                            rs.getString("class_id"), active, Sql.date(rs, "registered_on"),
                            active ? null : Sql.date(rs, "left_on"), Sql.date(rs, "leaves_on"), List.<LoanView>of(),
                            List.<HoldView>of());
                })
                .optional()
                .map(found -> new PatronView(found.patronId(), found.fullName(), found.category(), found.classId(),
                        found.active(), found.registeredOn(), found.leftOn(), found.leavesOn(),
                        loans.openLoansOf(school, patron, today),
                        holds.activeHoldsOf(school, patron)))
                .orElseThrow(() -> new Refused(RefusalCode.PATRON_NOT_FOUND, patron));
    }

    /** {@code q}: words of a name or an id, trimmed and NFC-normalised. */
    record PatronList(String schoolId, String q, String classId, PatronCategory category, Boolean active,
            Paging paging) implements CheckedRequest {

        PatronList(RequestValues in) {
            this(PathIds.school(in), in.check().optionalText("q", in.value("q"), MAX_QUERY_LENGTH),
                    PathIds.optionalLocal(in, "classId"), in.optional("category", PatronCategory.class),
                    in.optional("active", Boolean.class), Paging.of(in));
        }
    }

    record OnePatron(String schoolId, String patronId) implements CheckedRequest {

        OnePatron(RequestValues in) {
            this(PathIds.school(in), PathIds.local(in, "patronId"));
        }
    }
}
