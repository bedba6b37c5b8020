package vn.motsach.query.setup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.SchoolId;
import vn.motsach.events.school.DefaultLoanPolicies;
import vn.motsach.events.school.LoanPolicySet;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.web.ListView;
import vn.motsach.query.web.Sql;

@Tag(name = "schools", description = "Trường, năm học, chính sách mượn")
@RestController
class SchoolSetUpQueryController {

    /** The years asked for (by {@code :school} and, when not null, {@code :year}), latest first. */
    private static final String YEARS = """

            where y.school_id = :school and (cast(:year as varchar) is null or y.school_year = :year)""";

    private final JdbcClient jdbc;

    SchoolSetUpQueryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "Các năm học của trường, mới nhất trước (List the school years)",
            description = "Mỗi năm học với ngày bắt đầu, kết thúc, hai học kỳ và các ngày thư viện đóng cửa.")
    @GetMapping("/api/v1/schools/{schoolId}/school-years")
    ListView<SchoolYearView> schoolYears(OfSchool asked) {
        return new ListView<>(years(asked.schoolId(), null));
    }

    @Operation(summary = "Một năm học với lịch của nó (One school year)")
    @Refusals(notFound = "SCHOOL_YEAR_NOT_FOUND")
    @GetMapping("/api/v1/schools/{schoolId}/school-years/{schoolYear}")
    SchoolYearView schoolYear(OneSchoolYear asked) {
        return years(asked.schoolId(), asked.schoolYear()).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("SCHOOL_YEAR_NOT_FOUND", asked.schoolYear(), 0));
    }

    /** Every category, the school's own policy where it set one, the contract's default elsewhere. */
    @Operation(summary = "Chính sách mượn của từng đối tượng bạn đọc (List the loan policies)",
            description = "STUDENT, TEACHER, STAFF: số ngày mượn, số bản tối đa, số lần gia hạn, số ngày giữ sách đặt trước; "
                    + "setBySchool = false khi đang dùng mặc định.")
    @GetMapping("/api/v1/schools/{schoolId}/loan-policies")
    ListView<LoanPolicyView> loanPolicies(OfSchool asked) {
        String school = asked.schoolId();
        Map<String, LoanPolicyView> set = jdbc.sql("select * from qs_loan_policy where school_id = :school")
                .param("school", school)
                .query((rs, row) -> policy(rs))
                .list().stream()
                .collect(Collectors.toMap(LoanPolicyView::category, Function.identity()));
        return new ListView<>(Arrays.stream(PatronCategory.values())
                .map(category -> set.getOrDefault(category.name(), byDefault(school, category)))
                .toList());
    }

    @Operation(summary = "Chính sách mượn của một đối tượng bạn đọc (One category's loan policy)")
    @GetMapping("/api/v1/schools/{schoolId}/loan-policies/{category}")
    LoanPolicyView loanPolicy(OneLoanPolicy asked) {
        String school = asked.schoolId();
        PatronCategory patronCategory = asked.category();
        return jdbc.sql("select * from qs_loan_policy where school_id = :school and category = :category")
                .param("school", school)
                .param("category", patronCategory.name())
                .query((rs, row) -> policy(rs))
                .optional()
                .orElseGet(() -> byDefault(school, patronCategory));
    }

    private static LoanPolicyView byDefault(String school, PatronCategory category) {
        LoanPolicySet policy = DefaultLoanPolicies.of(SchoolId.of(school), category);
        return new LoanPolicyView(category.name(), policy.loanDays(), policy.maxLoans(), policy.maxRenewals(),
                policy.holdPickupDays(), false);
    }

    private static LoanPolicyView policy(ResultSet rs) throws SQLException {
        return new LoanPolicyView(rs.getString("category"), rs.getInt("loan_days"), rs.getInt("max_loans"),
                rs.getInt("max_renewals"), rs.getInt("hold_pickup_days"), true);
    }

    private List<SchoolYearView> years(String school, String year) {
        Map<String, List<SchoolYearView.SemesterView>> semesters = jdbc.sql("""
                        select y.school_year, s.number, s."startsOn" as starts_on, s."endsOn" as ends_on
                        from qs_school_year y
                        cross join lateral jsonb_to_recordset(y.semesters) as s(number integer, "startsOn" date, "endsOn" date)%s
                        order by s.number""".formatted(YEARS))
                .param("school", school)
                .param("year", year)
                .query((rs, row) -> Map.entry(rs.getString("school_year"), new SchoolYearView.SemesterView(rs.getInt("number"),
                        Sql.date(rs, "starts_on"), Sql.date(rs, "ends_on"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select y.* from qs_school_year y" + YEARS + " order by y.school_year desc")
                .param("school", school)
                .param("year", year)
                .query((rs, row) -> new SchoolYearView(rs.getString("school_year"), Sql.date(rs, "starts_on"),
                        Sql.date(rs, "ends_on"), semesters.getOrDefault(rs.getString("school_year"), List.of()),
                        Sql.strings(rs, "closed_days").stream().map(LocalDate::parse).toList()))
                .list();
    }

    record OfSchool(String schoolId) implements CheckedRequest {

        OfSchool(RequestValues in) {
            this(PathIds.school(in));
        }
    }

    record OneSchoolYear(String schoolId, String schoolYear) implements CheckedRequest {

        OneSchoolYear(RequestValues in) {
            this(PathIds.school(in), PathIds.schoolYear(in));
        }
    }

    record OneLoanPolicy(String schoolId, PatronCategory category) implements CheckedRequest {

        OneLoanPolicy(RequestValues in) {
            this(PathIds.school(in), in.check().oneOf("category", in.value("category"), PatronCategory.class));
        }
    }
}
