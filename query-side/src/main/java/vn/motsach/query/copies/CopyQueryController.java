package vn.motsach.query.copies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
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
import vn.motsach.query.web.Sql;

@Tag(name = "catalogue", description = "Biên mục: nhan đề và bản sách")
@RestController
class CopyQueryController {

    /** Where a copy stands, as a list filters it. */
    enum CopyStatus {
        AVAILABLE,
        ON_LOAN,
        ON_HOLD_SHELF,
        WITHDRAWN,
        LOST,
        /** Liên thông: on its way to a partner library or back. */
        IN_TRANSIT,
        /** Liên thông: at a partner library's desk. */
        AT_PARTNER
    }

    /**
     * Where a copy away from its library is (liên thông): at the partner of its rotation, due back on
     * its return date, or with the borrowing library of an inter-library loan (no date: the owner's
     * loan policy sets the reader's, the request its journey).
     */
    private static final String AWAY = """
            left join lateral (select r.partner_school_id, r.rotation_id, r.return_by from qs_rotation_copy rc
                               join qs_rotation r on r.rotation_id = rc.rotation_id
                               where c.status in ('AT_PARTNER', 'IN_TRANSIT') and rc.owner_school_id = c.school_id
                                 and rc.barcode = c.barcode and rc.returned_at is null
                               union all
                               select i.borrowing_school_id, null, null from qs_interlibrary_loan i
                               where c.status in ('AT_PARTNER', 'IN_TRANSIT') and i.lending_school_id = c.school_id
                                 and i.barcode = c.barcode and i.status in ('SHIPPED', 'RECEIVED', 'RETURN_SHIPPED')
                               limit 1) a on true""";

    private static final String COLUMNS = """
            select c.barcode, c.title_id, c.title, c.doc_type, %s as status, c.loanable, c.acquired_on, c.source, c.price, c.call_number,
                   l.loan_id, l.patron_id, l.borrowed_at, l.due_on, c.hold_id, c.hold_patron_id, c.pickup_by,
                   c.withdrawn_on, c.withdrawal_reason, c.intake_id, c.lost_on, c.loss_note, l.class_id, h.class_id as hold_class_id,
                   a.partner_school_id as away_partner, a.rotation_id as away_rotation, a.return_by as away_return_by
            from qs_copy c
            %s
            left join qs_hold h on h.school_id = c.school_id and h.hold_id = c.hold_id
            %s""".formatted(CopyState.STATUS, CopyState.OPEN_LOAN, AWAY);

    /** The copies a list asks for: of one title, in one status, or both. */
    private static final String LISTED = """

            where c.school_id = :school and (cast(:title_id as uuid) is null or c.title_id = :title_id)
              and (cast(:status as varchar) is null or %s = :status)""".formatted(CopyState.STATUS);

    private final JdbcClient jdbc;
    private final Clock clock;

    CopyQueryController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A teacher sees who has a copy, or waits for it on the hold shelf, only for the students of
     * their own classes (the class the loan or hold was made under); for the others the copy
     * shows its status and dates without the patron.
     */
    @Refusals(notFound = "COPY_NOT_FOUND")
    @Operation(summary = "Một bản sách: tình trạng, nhan đề, lượt mượn hiện tại")
    @GetMapping("/api/v1/schools/{schoolId}/copies/{barcode}")
    CopyView copy(OneCopy asked) {
        String school = asked.schoolId();
        String copy = asked.barcode();
        LocalDate today = SchoolDates.today(clock);
        Predicate<String> visible = CurrentCaller.visibleClasses();
        return jdbc.sql(COLUMNS + " where c.school_id = :school and c.barcode = :barcode")
                .param("school", school)
                .param("barcode", copy)
                .query((rs, row) -> copy(rs, today, visible))
                .optional()
                .orElseThrow(() -> new Refused(RefusalCode.COPY_NOT_FOUND, copy));
    }

    /** In barcode order, the order of the register's accession numbers. */
    @Operation(summary = "Danh sách bản sách theo đầu sách hoặc tình trạng (List copies by title or status)",
            description = "Lọc theo đầu sách (titleId) và tình trạng (status: AVAILABLE, ON_LOAN, ON_HOLD_SHELF, WITHDRAWN, LOST); "
                    + "sắp theo số đăng ký cá biệt; phân trang page/size.")
    @GetMapping("/api/v1/schools/{schoolId}/copies")
    Page<CopyView> copies(CopyList asked) {
        String school = asked.schoolId();
        UUID title = asked.titleId();
        CopyStatus status = asked.status();
        Paging paging = asked.paging();
        LocalDate today = SchoolDates.today(clock);
        Predicate<String> visible = CurrentCaller.visibleClasses();
        String wanted = status == null ? null : status.name();
        List<CopyView> items = jdbc.sql(COLUMNS + LISTED + " order by c.barcode limit :limit offset :offset")
                .param("school", school)
                .param("title_id", title)
                .param("status", wanted)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, row) -> copy(rs, today, visible))
                .list();
        long total = jdbc.sql("select count(*) from qs_copy c " + CopyState.OPEN_LOAN + LISTED)
                .param("school", school)
                .param("title_id", title)
                .param("status", wanted)
                .query(Long.class)
                .single();
        return paging.of(items, total);
    }

    /** A copy; its borrower or hold patron only for a caller who may see their class. */
    private static CopyView copy(ResultSet rs, LocalDate today, Predicate<String> visible) throws SQLException {
        UUID loanId = Sql.uuid(rs, "loan_id");
        UUID holdId = Sql.uuid(rs, "hold_id");
        LocalDate dueOn = Sql.date(rs, "due_on");
        return new CopyView(rs.getString("barcode"), Sql.uuid(rs, "title_id"), rs.getString("title"),
                rs.getString("doc_type"), rs.getString("status"), rs.getBoolean("loanable"),
                Sql.date(rs, "acquired_on"), rs.getString("source"),
                loanId == null ? null : new CopyView.CopyLoanView(loanId,
                        visible.test(rs.getString("class_id")) ? rs.getString("patron_id") : null,
                        Sql.instant(rs, "borrowed_at"), dueOn, dueOn != null && dueOn.isBefore(today)),
                holdId == null ? null : new CopyView.CopyHoldView(holdId,
                        visible.test(rs.getString("hold_class_id")) ? rs.getString("hold_patron_id") : null,
                        Sql.date(rs, "pickup_by")),
                Sql.date(rs, "withdrawn_on"), rs.getString("withdrawal_reason"), Sql.uuid(rs, "intake_id"),
                Sql.date(rs, "lost_on"), rs.getString("loss_note"),
                rs.getString("away_partner") == null ? null : new CopyView.CopyAwayView(rs.getString("away_partner"),
                        Sql.uuid(rs, "away_rotation"), Sql.date(rs, "away_return_by")),
                rs.getBigDecimal("price"), rs.getString("call_number"));
    }

    record OneCopy(String schoolId, String barcode) implements CheckedRequest {

        OneCopy(RequestValues in) {
            this(PathIds.school(in), PathIds.local(in, "barcode"));
        }
    }

    record CopyList(String schoolId, UUID titleId, CopyStatus status, Paging paging) implements CheckedRequest {

        CopyList(RequestValues in) {
            this(PathIds.school(in), PathIds.optionalUuid(in, "titleId"), in.optional("status", CopyStatus.class),
                    Paging.of(in));
        }
    }
}
