package vn.motsach.query.copies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.web.PathIds;
import vn.motsach.query.web.Sql;

@Tag(name = "catalogue", description = "Biên mục: nhan đề và bản sách")
@RestController
class CopyQueryController {

    private final JdbcClient jdbc;
    private final Clock clock;

    CopyQueryController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Refusals(notFound = "COPY_NOT_FOUND")
    @Operation(summary = "Một bản sách: tình trạng, nhan đề, lượt mượn hiện tại")
    @GetMapping("/api/v1/schools/{schoolId}/copies/{barcode}")
    CopyView copy(@PathVariable String schoolId, @PathVariable String barcode) {
        RequestCheck check = RequestCheck.of();
        String school = PathIds.school(check, schoolId);
        String copy = PathIds.local(check, "barcode", barcode);
        check.orRefuse();
        LocalDate today = SchoolDates.today(clock);
        return jdbc.sql("""
                        select c.barcode, c.title_id, c.title, c.doc_type, %s as status, c.loanable, c.acquired_on, c.source,
                               l.loan_id, l.patron_id, l.borrowed_at, l.due_on, c.hold_id, c.hold_patron_id, c.pickup_by,
                               c.withdrawn_on, c.withdrawal_reason
                        from qs_copy c
                        %s
                        where c.school_id = :school and c.barcode = :barcode""".formatted(CopyState.STATUS, CopyState.OPEN_LOAN))
                .param("school", school)
                .param("barcode", copy)
                .query((rs, row) -> {
                    UUID loanId = Sql.uuid(rs, "loan_id");
                    UUID holdId = Sql.uuid(rs, "hold_id");
                    LocalDate dueOn = Sql.date(rs, "due_on");
                    return new CopyView(rs.getString("barcode"), Sql.uuid(rs, "title_id"), rs.getString("title"),
                            rs.getString("doc_type"), rs.getString("status"), rs.getBoolean("loanable"),
                            Sql.date(rs, "acquired_on"), rs.getString("source"),
                            loanId == null ? null : new CopyView.CopyLoanView(loanId, rs.getString("patron_id"),
                                    Sql.instant(rs, "borrowed_at"), dueOn, dueOn != null && dueOn.isBefore(today)),
                            holdId == null ? null : new CopyView.CopyHoldView(holdId, rs.getString("hold_patron_id"),
                                    Sql.date(rs, "pickup_by")),
                            Sql.date(rs, "withdrawn_on"), rs.getString("withdrawal_reason"));
                })
                .optional()
                .orElseThrow(() -> new Refused(RefusalCode.COPY_NOT_FOUND, barcode));
    }
}
