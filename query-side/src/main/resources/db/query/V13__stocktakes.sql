-- The stocktaking projection (processing group "stocktaking"): each stocktake with its scope, and
-- the barcodes scanned in it. What is expected, on loan or missing is judged when asked, from the
-- copies and loans (see vn.motsach.query.stocktaking.StocktakeFindings), since circulation goes
-- on during a stocktake.
create table qs_stocktake (
    school_id             varchar(64)  not null,
    stocktake_id          uuid         not null,
    name                  text         not null,
    doc_types             text[]       not null,
    classification_prefix text,
    started_at            timestamptz  not null,
    closed_at             timestamptz,
    last_position         bigint       not null,
    primary key (school_id, stocktake_id)
);
create table qs_stocktake_scan (
    school_id     varchar(64) not null,
    stocktake_id  uuid        not null,
    barcode       varchar(32) not null,
    -- false for a barcode that no copy of the school carried when it was scanned
    known         boolean     not null,
    scanned_at    timestamptz not null,
    primary key (school_id, stocktake_id, barcode)
);
