package vn.motsach.command.circulation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.command.patrons.Departures;
import vn.motsach.command.patrons.PatronLookups;
import vn.motsach.events.Barcode;
import vn.motsach.events.HoldId;
import vn.motsach.events.IntakeId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.stocktake.StocktakeScope;

/**
 * What the catalogue and the desk read from their lookup tables; always inside the command's own
 * transaction. Only whether a title exists is asked from outside (reading culture names titles),
 * and which barcodes are the school's copies (a stocktake's scans).
 */
@Component
public class CirculationLookups {

    private final JdbcClient jdbc;
    private final PatronLookups patrons;

    CirculationLookups(JdbcClient jdbc, PatronLookups patrons) {
        this.jdbc = jdbc;
        this.patrons = patrons;
    }

    public boolean titleExists(SchoolId school, TitleId title) {
        return exists("select 1 from cmd_title where school_id = ? and title_id = ?", school.value(), title.value());
    }

    /** The barcodes among {@code barcodes} that are copies of the school, withdrawn, lost or not. */
    public Set<Barcode> copiesAmong(SchoolId school, Collection<Barcode> barcodes) {
        return jdbc.sql("select barcode from cmd_copy where school_id = ? and barcode = any(?)")
                .params(school.value(), barcodes.stream().map(Barcode::value).toArray(String[]::new))
                .query((rs, row) -> Barcode.of(rs.getString(1)))
                .set();
    }

    /**
     * Every copy of the school as the close of a stocktake judges it: whether it is in the
     * stocktake's scope (its title's document type and classification), in circulation (neither
     * withdrawn nor lost), and whether it circulated since {@code since}: on loan, lent or
     * returned since, kept on the hold shelf for a reader, or away at a partner library (liên
     * thông), any of which takes it off the shelves it was to be found on.
     */
    public List<StocktakeCopy> copiesForStocktake(SchoolId school, StocktakeScope scope, Instant since) {
        return jdbc.sql("""
                        select c.barcode,
                               (cardinality(:types) = 0 or t.doc_type = any(:types))
                                 and (cast(:prefix as text) is null or starts_with(coalesce(t.classification, ''), :prefix))
                                 as in_scope,
                               not c.withdrawn as in_circulation,
                               c.on_loan or c.away or c.circulated_at >= :since
                                 or exists (select 1 from cmd_hold_shelf h where h.school_id = c.school_id and h.barcode = c.barcode)
                                 as circulated
                        from cmd_copy c
                        left join cmd_title t on t.school_id = c.school_id and t.title_id = c.title_id
                        where c.school_id = :school
                        order by c.barcode""")
                .param("school", school.value())
                .param("types", scope.docTypes().stream().map(Enum::name).toArray(String[]::new))
                .param("prefix", scope.classificationPrefix())
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query((rs, row) -> new StocktakeCopy(Barcode.of(rs.getString("barcode")), rs.getBoolean("in_scope"),
                        rs.getBoolean("in_circulation"), rs.getBoolean("circulated")))
                .list();
    }

    boolean intakeExists(SchoolId school, IntakeId intake) {
        return exists("select 1 from cmd_intake where school_id = ? and intake_id = ?", school.value(), intake.value());
    }

    boolean copyExists(SchoolId school, Barcode barcode) {
        return exists("select 1 from cmd_copy where school_id = ? and barcode = ?", school.value(), barcode.value());
    }

    /**
     * The patron's standing on {@code day}, with their row locked until the transaction ends:
     * two desks serving the same patron at once decide one after the other, each seeing the
     * other's loans.
     */
    Optional<PatronStanding> lockPatron(SchoolId school, PatronId patron, LocalDate day) {
        return patrons.lockMemberOn(school, patron, day).map(member -> standing(school, member, day));
    }

    /**
     * The patron's standing on {@code day}, read without a lock: for a decision taken once the copy
     * is loaded (a renewal a desk recorded offline), which must not wait for a patron's row while
     * holding the copy that a checkout holding that row waits for.
     */
    Optional<PatronStanding> patronOn(SchoolId school, PatronId patron, LocalDate day) {
        return patrons.memberOn(school, patron, day).map(member -> standing(school, member, day));
    }

    /**
     * The member's loans, in a statement of its own after their row: once that row is locked, it
     * sees the loans of whoever held the lock before.
     */
    private PatronStanding standing(SchoolId school, PatronLookups.Member member, LocalDate day) {
        return jdbc.sql("""
                        select count(*), count(*) filter (where due_on < ?)
                        from cmd_open_loan where school_id = ? and patron_id = ?""")
                .params(day, school.value(), member.patronId().value())
                .query((rs, row) -> new PatronStanding(member.patronId(), member.category(), member.active(), member.classId(),
                        rs.getInt(1), rs.getInt(2), member.leavesOn()))
                .single();
    }

    /** The title's copies that can be lent, and those of them on the shelf now, in one read. */
    TitleCopies copiesOf(SchoolId school, TitleId title) {
        return jdbc.sql("""
                        select count(*) filter (where c.loanable and not c.withdrawn),
                               count(*) filter (where c.loanable and not c.withdrawn and not c.on_loan and not c.away
                                                  and not exists (select 1 from cmd_hold_shelf h
                                                                  where h.school_id = c.school_id and h.barcode = c.barcode))
                        from cmd_copy c where c.school_id = ? and c.title_id = ?""")
                .params(school.value(), title.value())
                .query((rs, row) -> new TitleCopies(title, rs.getInt(1), rs.getInt(2)))
                .single();
    }

    /** Whether the copy waits on the hold shelf for a patron. */
    boolean onHoldShelf(SchoolId school, Barcode barcode) {
        return exists("select 1 from cmd_hold_shelf where school_id = ? and barcode = ?", school.value(), barcode.value());
    }

    /** Whether any patron is waiting for the title or has a copy of it kept on the hold shelf. */
    boolean hasOpenHolds(SchoolId school, TitleId title) {
        return exists("select 1 from cmd_hold where school_id = ? and title_id = ? and not closed", school.value(), title.value());
    }

    /** The holds a patron still has open, waiting or on the hold shelf. */
    List<OpenHold> openHoldsOf(SchoolId school, PatronId patron) {
        return jdbc.sql("select hold_id, title_id from cmd_hold where school_id = ? and patron_id = ? and not closed order by hold_id")
                .params(school.value(), patron.value())
                .query((rs, row) -> new OpenHold(HoldId.of(rs.getObject(1, UUID.class)), TitleId.of(rs.getObject(2, UUID.class))))
                .list();
    }

    Optional<TitleId> titleOfHold(SchoolId school, HoldId hold) {
        return jdbc.sql("select title_id from cmd_hold where school_id = ? and hold_id = ?")
                .params(school.value(), hold.value())
                .query((rs, row) -> TitleId.of(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** The copy an open loan lent, whose it is (the school's own or, lent at its desk, a partner's), and to whom. */
    Optional<LoanedCopy> copyOfOpenLoan(SchoolId school, LoanId loan) {
        return jdbc.sql("""
                        select barcode, coalesce(owner_school_id, school_id), patron_id from cmd_open_loan
                        where school_id = ? and loan_id = ?""")
                .params(school.value(), loan.value())
                .query((rs, row) -> new LoanedCopy(Barcode.of(rs.getString(1)), SchoolId.of(rs.getString(2)),
                        PatronId.of(rs.getString(3))))
                .optional();
    }

    record LoanedCopy(Barcode barcode, SchoolId owner, PatronId borrower) {
    }

    /** Open loans whose due date has passed but that no event has called overdue yet. */
    List<DueLoan> loansDueBefore(LocalDate day, int limit) {
        return jdbc.sql("""
                        select school_id, loan_id, barcode, coalesce(owner_school_id, school_id) from cmd_open_loan
                        where due_on < ? and not overdue_marked order by due_on limit ?""")
                .params(day, limit)
                .query((rs, row) -> new DueLoan(SchoolId.of(rs.getString(1)), LoanId.of(rs.getObject(2, UUID.class)),
                        Barcode.of(rs.getString(3)), SchoolId.of(rs.getString(4))))
                .list();
    }

    /**
     * The libraries whose copy of this barcode is now at the school's desk, lent to it by partners:
     * usually none, at most one unless partners number their copies alike.
     */
    List<SchoolId> ownersOfPartnerCopies(SchoolId school, Barcode barcode) {
        return jdbc.sql("select owner_school_id from cmd_partner_copy where holder_school_id = ? and barcode = ? order by owner_school_id")
                .params(school.value(), barcode.value())
                .query((rs, row) -> SchoolId.of(rs.getString(1)))
                .list();
    }

    /**
     * Patrons with open holds whose departure has taken effect by {@code day}: holds placed while
     * it was still ahead, as a departure cancels those open when it is recorded. Few, so all at once.
     */
    List<PatronOfSchool> leaversWithOpenHolds(LocalDate day) {
        return jdbc.sql("""
                        select distinct p.school_id, p.patron_id, p.left_on from cmd_patron p
                        join cmd_hold h on h.school_id = p.school_id and h.patron_id = p.patron_id and not h.closed
                        where not p.active""")
                .query((rs, row) -> Departures.hereOn(false, rs.getObject(3, LocalDate.class), day) ? null
                        : new PatronOfSchool(SchoolId.of(rs.getString(1)), PatronId.of(rs.getString(2))))
                .list().stream().filter(Objects::nonNull).toList();
    }

    /** Holds whose copy waited on the hold shelf past its last pickup day. */
    List<UncollectedHold> holdsUncollectedBefore(LocalDate day, int limit) {
        return jdbc.sql("""
                        select school_id, hold_id, title_id from cmd_hold_shelf
                        where pickup_by < ? order by pickup_by limit ?""")
                .params(day, limit)
                .query((rs, row) -> new UncollectedHold(SchoolId.of(rs.getString(1)), HoldId.of(rs.getObject(2, UUID.class)),
                        TitleId.of(rs.getObject(3, UUID.class))))
                .list();
    }

    /** Whether {@code sql} finds any row at all (it may find many). */
    private boolean exists(String sql, Object... params) {
        return jdbc.sql("select exists (" + sql + ")").params(params).query(Boolean.class).single();
    }

    /** A copy as a stocktake judges it: see {@link #copiesForStocktake}. */
    public record StocktakeCopy(Barcode barcode, boolean inScope, boolean inCirculation, boolean circulated) {
    }

    record OpenHold(HoldId holdId, TitleId titleId) {
    }

    /** {@code owner}: the library whose copy it is, the lending school's own or a partner's. */
    record DueLoan(SchoolId schoolId, LoanId loanId, Barcode barcode, SchoolId owner) {
    }

    record PatronOfSchool(SchoolId schoolId, PatronId patronId) {
    }

    record UncollectedHold(SchoolId schoolId, HoldId holdId, TitleId titleId) {
    }
}
