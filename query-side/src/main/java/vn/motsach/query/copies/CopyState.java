package vn.motsach.query.copies;

/**
 * Where a copy stands, read from two projections: a copy is on loan while its loan is open (the
 * loans' table), and otherwise is what the catalogue keeps for it: on the shelf, on the hold
 * shelf, or withdrawn. Checkouts, renewals and returns thus rewrite the loan alone, not the copy
 * as well. Every query of a copy's status reads it through these fragments, over a copy aliased
 * {@code c}.
 */
public final class CopyState {

    /**
     * The copy's open loan, as {@code l}, its columns null when there is none. A loan of a partner's
     * copy (liên thông, {@code owner_school_id} set) is not of the desk's copy of the same barcode.
     */
    public static final String OPEN_LOAN = """
            left join lateral (select l.loan_id, l.patron_id, l.class_id, l.borrowed_at, l.due_on from qs_loan l
                               where l.school_id = c.school_id and l.barcode = c.barcode and l.owner_school_id is null
                                 and l.returned_at is null
                               limit 1) l on true""";

    /** The copy's status: AVAILABLE, ON_LOAN, ON_HOLD_SHELF, WITHDRAWN or LOST, with {@link #OPEN_LOAN} joined. */
    public static final String STATUS = "case when l.loan_id is not null then 'ON_LOAN' else c.status end";

    private CopyState() {
    }
}
