-- Inter-library loan requests (processing group "interlibrary-loans"), one row each, seen by both
-- schools: the borrowing school's (where the reader asked) and the lending school's. The copy's
-- steps after the shipment come from the copy's own events, which name the request.
create table qs_interlibrary_loan (
    request_id          uuid         primary key,
    borrowing_school_id varchar(64)  not null,
    lending_school_id   varchar(64)  not null,
    title_id            uuid         not null,
    patron_id           varchar(32)  not null,
    barcode             varchar(32),
    status              varchar(16)  not null,
    refusal             text,
    requested_at        timestamptz  not null,
    updated_at          timestamptz  not null,
    last_position       bigint       not null
);
create index qs_interlibrary_loan_borrowing on qs_interlibrary_loan (borrowing_school_id, requested_at);
create index qs_interlibrary_loan_lending on qs_interlibrary_loan (lending_school_id, requested_at);
