-- Rotations (luân chuyển, processing group "rotations"), seen by both schools: the owner's, which
-- lent the copies, and the partner's, where they circulate until return_by. Each copy's arrival
-- and return come from the copy's own events, which name the rotation; the loans of rotated copies
-- at the partner's desk, one row each, for the group's figures.
create table qs_rotation (
    rotation_id       uuid         primary key,
    owner_school_id   varchar(64)  not null,
    partner_school_id varchar(64)  not null,
    return_by         date         not null,
    sent_at           timestamptz  not null
);
create index qs_rotation_owner on qs_rotation (owner_school_id, sent_at);
create index qs_rotation_partner on qs_rotation (partner_school_id, sent_at);

create table qs_rotation_copy (
    rotation_id       uuid         not null,
    barcode           varchar(32)  not null,
    owner_school_id   varchar(64)  not null,
    partner_school_id varchar(64)  not null,
    title_id          uuid         not null,
    arrived_at        timestamptz  not null,
    returned_at       timestamptz,
    primary key (rotation_id, barcode)
);
create index qs_rotation_copy_away on qs_rotation_copy (partner_school_id, barcode) where returned_at is null;

create table qs_rotation_loan (
    loan_id           uuid         primary key,
    rotation_id       uuid         not null,
    partner_school_id varchar(64)  not null,
    borrowed_at       timestamptz  not null
);
create index qs_rotation_loan_rotation on qs_rotation_loan (rotation_id);
