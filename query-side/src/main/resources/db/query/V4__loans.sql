-- The loans projection (processing group "loans"): every loan, open or returned. Circulation
-- changes these rows over and over (renewals, returns), so a third of each page is left free:
-- an update that changes no indexed column stays on its page as a heap-only tuple, with no
-- index entry to add, and the dead version is pruned with the page. A rebuild creates its
-- tables with the same parameters.
create table qs_loan (
    school_id       varchar(64) not null,
    loan_id         uuid        not null,
    barcode         varchar(32) not null,
    title_id        uuid        not null,
    title           text        not null,
    doc_type        varchar(32),
    patron_id       varchar(32) not null,
    patron_category varchar(16),
    class_id        varchar(32),
    borrowed_at     timestamptz not null,
    due_on          date        not null,
    returned_at     timestamptz,
    overdue_days    integer,
    overdue_since   date,
    renewals        integer     not null default 0,
    hold_id         uuid,
    last_position   bigint      not null,
    primary key (school_id, loan_id)
) with (fillfactor = 70);
create index qs_loan_patron on qs_loan (school_id, patron_id, borrowed_at desc);
create index qs_loan_open on qs_loan (school_id, due_on) where returned_at is null;
create index qs_loan_open_class on qs_loan (school_id, class_id, due_on) where returned_at is null;
-- a copy's open loan, found from the copy (a copy is on loan while its loan is open)
create index qs_loan_open_copy on qs_loan (school_id, barcode) where returned_at is null;
