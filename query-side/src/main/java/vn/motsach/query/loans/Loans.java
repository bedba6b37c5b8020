package vn.motsach.query.loans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.query.web.Sql;

/** The loans a query asks for, read from the loans projection. Public for the patron view. */
@Component
public class Loans {

    /** Open past its due date, or marked overdue by the circulation rules: the one definition. */
    private static final String OVERDUE = "(l.returned_at is null and (l.due_on < :today or l.overdue_since is not null))";

    /**
     * Loans with whether each is overdue, under their title's name as the catalogue has it now: a
     * title revised after a loan was made shows its new name (the loan keeps the name it was made
     * under for a title the catalogue no longer has). A partner's copy is of its owner's catalogue.
     */
    private static final String LOANS = "select l.*, " + OVERDUE + """
             as overdue, coalesce(t.title, l.title) as shown_title, p.full_name as patron_name from qs_loan l
            left join qs_catalogue_title t on t.school_id = coalesce(l.owner_school_id, l.school_id) and t.title_id = l.title_id
            left join qs_patron p on p.school_id = l.school_id and p.patron_id = l.patron_id""";

    private final JdbcClient jdbc;

    Loans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A patron's open loans, the soonest due first. */
    public List<LoanView> openLoansOf(String school, String patron, LocalDate today) {
        return jdbc.sql(LOANS + """

                        where l.school_id = :school and l.patron_id = :patron and l.returned_at is null
                        order by l.due_on, l.borrowed_at, l.loan_id""")
                .param("school", school)
                .param("patron", patron)
                .param("today", today)
                .query((rs, row) -> loan(rs))
                .list();
    }

    Page<LoanView> historyOf(String school, String patron, boolean openOnly, LocalDate today, Paging page) {
        String where = "l.school_id = :school and l.patron_id = :patron" + (openOnly ? " and l.returned_at is null" : "");
        return paged(where, "l.borrowed_at desc, l.loan_id", Map.of("school", school, "patron", patron, "today", today), page);
    }

    /** Open loans, the longest overdue first, optionally only the overdue ones or one class's. */
    Page<LoanView> open(String school, Boolean overdue, String classId, LocalDate today, Paging page) {
        String where = "l.school_id = :school and l.returned_at is null"
                + (classId == null ? "" : " and l.class_id = :class_id")
                + (overdue == null ? "" : overdue ? " and " + OVERDUE : " and not " + OVERDUE);
        Map<String, Object> parameters = new HashMap<>(Map.of("school", school, "today", today));
        parameters.put("class_id", classId);
        return paged(where, "l.due_on, l.class_id, l.patron_id, l.loan_id", parameters, page);
    }

    /** One page of loans matching {@code where}, and how many match in all. */
    private Page<LoanView> paged(String where, String order, Map<String, ?> parameters, Paging page) {
        Map<String, Object> withPage = new HashMap<>(parameters);
        withPage.put("limit", page.size());
        withPage.put("offset", page.offset());
        List<LoanView> items = jdbc.sql(LOANS + " where " + where
                        + " order by " + order + " limit :limit offset :offset")
                .params(withPage)
                .query((rs, row) -> loan(rs))
                .list();
        long total = jdbc.sql("select count(*) from qs_loan l where " + where).params(parameters).query(Long.class).single();
        return page.of(items, total);
    }

    Optional<LoanView> one(String school, UUID loanId, LocalDate today) {
        return jdbc.sql(LOANS + " where l.school_id = :school and l.loan_id = :loan_id")
                .param("school", school)
                .param("loan_id", loanId)
                .param("today", today)
                .query((rs, row) -> loan(rs))
                .optional();
    }

    boolean anyOf(String school, String patron) {
        return jdbc.sql("select exists (select 1 from qs_loan where school_id = :school and patron_id = :patron)")
                .param("school", school)
                .param("patron", patron)
                .query(Boolean.class)
                .single();
    }

    private static LoanView loan(ResultSet rs) throws SQLException {
        return new LoanView(Sql.uuid(rs, "loan_id"), rs.getString("barcode"), Sql.uuid(rs, "title_id"), rs.getString("shown_title"),
                rs.getString("patron_id"), rs.getString("patron_name"), rs.getString("class_id"), Sql.instant(rs, "borrowed_at"), Sql.date(rs, "due_on"),
                Sql.instant(rs, "returned_at"), rs.getBoolean("overdue"), rs.getInt("renewals"), Sql.integer(rs, "overdue_days"), rs.getBoolean("lost"),
                rs.getString("owner_school_id"));
    }
}
