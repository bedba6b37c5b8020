package vn.motsach.query.loans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.web.PageRequest;
import vn.motsach.query.web.PageView;

@Tag(name = "circulation", description = "Lưu thông: mượn, trả, gia hạn, đặt trước")
@RestController
class LoanQueryController {

    /** Which of a patron's loans: the open ones, or all of them. */
    enum LoanStatus {
        OPEN,
        ALL
    }

    private final Loans loans;
    private final JdbcClient jdbc;
    private final Clock clock;

    LoanQueryController(Loans loans, JdbcClient jdbc, Clock clock) {
        this.loans = loans;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Refusals(notFound = "PATRON_NOT_FOUND")
    @Operation(summary = "Các lượt mượn của một bạn đọc, mới nhất trước")
    @GetMapping("/api/v1/schools/{schoolId}/patrons/{patronId}/loans")
    PageView<LoanView> loansOfPatron(PatronLoans asked) {
        // a patron without loans is known only to the patrons projection
        if (!loans.anyOf(asked.schoolId(), asked.patronId()) && !patronKnown(asked.schoolId(), asked.patronId())) {
            throw new Refused(RefusalCode.PATRON_NOT_FOUND, asked.patronId());
        }
        return loans.historyOf(asked.schoolId(), asked.patronId(), asked.status() == LoanStatus.OPEN,
                SchoolDates.today(clock), asked.paging());
    }

    @Operation(summary = "Các lượt mượn đang mở, lọc theo quá hạn và lớp")
    @GetMapping("/api/v1/schools/{schoolId}/loans")
    PageView<LoanView> openLoans(OpenLoans asked) {
        return loans.open(asked.schoolId(), asked.overdue(), asked.classId(), SchoolDates.today(clock), asked.paging());
    }

    /** Open or returned, as its loan history shows it. */
    @Operation(summary = "Một lượt mượn theo mã (One loan by id)")
    @Refusals(notFound = "LOAN_NOT_FOUND")
    @GetMapping("/api/v1/schools/{schoolId}/loans/{loanId}")
    LoanView loan(OneLoan asked) {
        return loans.one(asked.schoolId(), asked.loanId(), SchoolDates.today(clock))
                .orElseThrow(() -> new Refused(RefusalCode.LOAN_NOT_FOUND, asked.loanId().toString()));
    }

    private boolean patronKnown(String school, String patron) {
        return jdbc.sql("select exists (select 1 from qs_patron where school_id = :school and patron_id = :patron)")
                .param("school", school)
                .param("patron", patron)
                .query(Boolean.class)
                .single();
    }

    record PatronLoans(String schoolId, String patronId, LoanStatus status, PageRequest paging) implements CheckedRequest {

        PatronLoans(RequestValues in) {
            this(PathIds.school(in), PathIds.local(in, "patronId"), in.optional("status", LoanStatus.class),
                    PageRequest.of(in));
        }
    }

    record OpenLoans(String schoolId, Boolean overdue, String classId, PageRequest paging) implements CheckedRequest {

        OpenLoans(RequestValues in) {
            this(PathIds.school(in), in.optional("overdue", Boolean.class), PathIds.optionalLocal(in, "classId"),
                    PageRequest.of(in));
        }
    }

    record OneLoan(String schoolId, UUID loanId) implements CheckedRequest {

        OneLoan(RequestValues in) {
            this(PathIds.school(in), PathIds.uuid(in, "loanId"));
        }
    }
}
