package vn.motsach.events;

/**
 * Every reason a command can be refused, with the kind of refusal it is. The names are the
 * stable {@code code} of the HTTP problem details; the texts live in the problem bundles.
 */
public enum RefusalCode {
    SCHOOL_NOT_FOUND(Kind.NOT_FOUND),
    COPY_NOT_FOUND(Kind.NOT_FOUND),
    PATRON_NOT_FOUND(Kind.NOT_FOUND),
    TITLE_NOT_FOUND(Kind.NOT_FOUND),
    LOAN_NOT_FOUND(Kind.NOT_FOUND),
    HOLD_NOT_FOUND(Kind.NOT_FOUND),
    CLASS_NOT_FOUND(Kind.NOT_FOUND),
    READING_EVENT_NOT_FOUND(Kind.NOT_FOUND),
    READING_TARGET_NOT_FOUND(Kind.NOT_FOUND),
    INTAKE_NOT_FOUND(Kind.NOT_FOUND),
    STOCKTAKE_NOT_FOUND(Kind.NOT_FOUND),
    PARENT_AUTHORITY_NOT_FOUND(Kind.NOT_FOUND),
    INTEROP_GROUP_NOT_FOUND(Kind.NOT_FOUND),
    INTERLIBRARY_LOAN_NOT_FOUND(Kind.NOT_FOUND),
    DESK_EXCEPTION_NOT_FOUND(Kind.NOT_FOUND),
    COPY_ALREADY_ON_LOAN(Kind.CONFLICT),
    COPY_NOT_LOANABLE(Kind.CONFLICT),
    COPY_WITHDRAWN(Kind.CONFLICT),
    COPY_LOST(Kind.CONFLICT),
    COPY_ON_HOLD_FOR_ANOTHER_PATRON(Kind.CONFLICT),
    COPY_ON_HOLD_SHELF(Kind.CONFLICT),
    LOAN_LIMIT_REACHED(Kind.CONFLICT),
    PATRON_HAS_OVERDUE_LOANS(Kind.CONFLICT),
    PATRON_INACTIVE(Kind.CONFLICT),
    COPY_NOT_ON_LOAN(Kind.CONFLICT),
    RENEWAL_LIMIT_REACHED(Kind.CONFLICT),
    RENEWAL_BLOCKED_BY_HOLD(Kind.CONFLICT),
    HOLD_ALREADY_PLACED(Kind.CONFLICT),
    HOLD_NOT_NEEDED(Kind.CONFLICT),
    TITLE_NOT_LOANABLE(Kind.CONFLICT),
    DUPLICATE_BARCODE(Kind.CONFLICT),
    OUTSIDE_SCHOOL_YEAR(Kind.CONFLICT),
    CLASS_MOVE_BEFORE_REGISTRATION(Kind.CONFLICT),
    NOT_IN_CLASS(Kind.CONFLICT),
    CLASS_CLOSED(Kind.CONFLICT),
    STOCKTAKE_CLOSED(Kind.CONFLICT),
    AUTHORITY_CYCLE(Kind.CONFLICT),
    AUTHORITY_PARENT_NOT_ALLOWED(Kind.CONFLICT),
    AUTHORITY_HAS_CHILDREN(Kind.CONFLICT),
    NOT_IN_LENDING_GROUP(Kind.CONFLICT),
    COPY_NOT_AVAILABLE(Kind.CONFLICT),
    WRONG_STATE(Kind.CONFLICT),
    COPY_AWAY(Kind.CONFLICT),
    RECORD_FROM_THE_FUTURE(Kind.CONFLICT),
    RECORD_TOO_OLD(Kind.CONFLICT),
    DESK_EXCEPTION_SETTLED(Kind.CONFLICT);

    private final Kind kind;

    RefusalCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** What the refusal means for the caller: the thing named does not exist, or the state forbids it. */
    public enum Kind {
        NOT_FOUND,
        CONFLICT
    }
}
