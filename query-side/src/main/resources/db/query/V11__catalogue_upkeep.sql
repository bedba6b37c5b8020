-- Catalogue upkeep. The intakes (deliveries of books) a school received, kept by the catalogue
-- with the copies that name them, so that a list of intakes counts their copies and sums their
-- prices when read; a copy reported lost, with the day and the note; a loan closed as lost
-- rather than returned (it ends, as a returned one does, when the loss is reported).
create table qs_intake (
    school_id     varchar(64) not null,
    intake_id     uuid        not null,
    received_on   date        not null,
    source        varchar(16) not null,
    document_no   text,
    note          text,
    last_position bigint      not null,
    primary key (school_id, intake_id)
);
create index qs_intake_received on qs_intake (school_id, received_on, intake_id);

alter table qs_copy add column intake_id uuid, add column price numeric, add column lost_on date, add column loss_note text;
create index qs_copy_intake on qs_copy (school_id, intake_id) where intake_id is not null;

alter table qs_loan add column lost boolean not null default false;
