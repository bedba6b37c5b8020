-- What a stocktake found as the command side judged it at the close (StocktakeClosed): a closed
-- stocktake is read from here, so that copies withdrawn, lost or lent after the close (the
-- missing ones marked lost with it among them) never change its findings. Stocktakes closed
-- before the close carried its findings have none here, and are judged when read.
alter table qs_stocktake add column expected integer, add column missing_marked_lost boolean not null default false;
create table qs_stocktake_finding (
    school_id     varchar(64) not null,
    stocktake_id  uuid        not null,
    barcode       varchar(32) not null,
    -- MISSING, ON_LOAN, OUT_OF_SCOPE or NOT_IN_CIRCULATION
    finding       varchar(24) not null,
    primary key (school_id, stocktake_id, barcode)
);
