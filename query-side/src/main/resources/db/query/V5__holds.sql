-- The holds projection (processing group "holds"): every hold with its status; a waiting hold's
-- place in the queue is computed when asked, from the order of placement. Like loans, holds
-- change over and over (a hold's turn, pickup, expiry), so their pages keep room for updates.
create table qs_hold (
    school_id       varchar(64) not null,
    hold_id         uuid        not null,
    title_id        uuid        not null,
    patron_id       varchar(32) not null,
    patron_category varchar(16),
    class_id        varchar(32),
    placed_at       timestamptz not null,
    placed_position bigint      not null,
    status          varchar(16) not null,
    barcode         varchar(32),
    ready_at        timestamptz,
    pickup_by       date,
    closed_at       timestamptz,
    loan_id         uuid,
    last_position   bigint      not null,
    primary key (school_id, hold_id)
) with (fillfactor = 70);
create index qs_hold_title on qs_hold (school_id, title_id, placed_position);
create index qs_hold_patron on qs_hold (school_id, patron_id, placed_position);
