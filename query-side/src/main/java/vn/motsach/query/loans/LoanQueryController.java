package vn.motsach.query.loans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.UUID;
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
import vn.motsach.query.web.PageRequest;
import vn.motsach.query.web.PageView;
import vn.motsach.query.web.PathIds;

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
    PageView<LoanView> loansOfPatron(@PathVariable String schoolId, @PathVariable String patronId,
            @RequestParam(required = false) LoanStatus status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        RequestCheck check = RequestCheck.of();
        String school = PathIds.school(check, schoolId);
        String patron = PathIds.local(check, "patronId", patronId);
        PageRequest paging = PageRequest.of(check, page, size);
        check.orRefuse();
        // a patron without loans is known only to the patrons projection
        if (!loans.anyOf(school, patron) && !patronKnown(school, patron)) {
            throw new Refused(RefusalCode.PATRON_NOT_FOUND, patronId);
        }
        return loans.historyOf(school, patron, status == LoanStatus.OPEN, SchoolDates.today(clock), paging);
    }

    @Operation(summary = "Các lượt mượn đang mở, lọc theo quá hạn và lớp")
    @GetMapping("/api/v1/schools/{schoolId}/loans")
    PageView<LoanView> openLoans(@PathVariable String schoolId, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String classId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        RequestCheck check = RequestCheck.of();
        String school = PathIds.school(check, schoolId);
        String schoolClass = PathIds.optionalLocal(check, "classId", classId);
        PageRequest paging = PageRequest.of(check, page, size);
        check.orRefuse();
        return loans.open(school, overdue, schoolClass, SchoolDates.today(clock), paging);
    }

    /** Open or returned, as its loan history shows it. */
    @Operation(summary = "Một lượt mượn theo mã (One loan by id)")
    @Refusals(notFound = "LOAN_NOT_FOUND")
    @GetMapping("/api/v1/schools/{schoolId}/loans/{loanId}")
    LoanView loan(@PathVariable String schoolId, @PathVariable String loanId) {
        RequestCheck check = RequestCheck.of();
        String school = PathIds.school(check, schoolId);
        UUID loan = PathIds.uuid(check, "loanId", loanId);
        check.orRefuse();
        return loans.one(school, loan, SchoolDates.today(clock))
                .orElseThrow(() -> new Refused(RefusalCode.LOAN_NOT_FOUND, loanId));
    }

    private boolean patronKnown(String school, String patron) {
        return jdbc.sql("select exists (select 1 from qs_patron where school_id = :school and patron_id = :patron)")
                .param("school", school)
                .param("patron", patron)
                .query(Boolean.class)
                .single();
    }
}
