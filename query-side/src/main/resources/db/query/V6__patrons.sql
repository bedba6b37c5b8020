-- The patrons projection (processing group "patrons"): patrons, the history of their class
-- membership and of their leaving and rejoining. Histories are rows keyed by the event's
-- position, so that an event seen twice adds nothing and one seen late slots into place.
create table qs_patron (
    school_id     varchar(64)  not null,
    patron_id     varchar(32)  not null,
    full_name     varchar(200) not null,
    category      varchar(16)  not null,
    registered_on date         not null,
    last_position bigint       not null,
    -- Found by the words of their name or id, folded like the catalogue's documents (case,
    -- diacritics, đ), so that "nguyen van an" finds "Nguyễn Văn An". A generated column: the
    -- projection's writes need not know it, and a rebuild's copy of the table
    -- (LIKE ... INCLUDING ALL) computes it the same way.
    search_doc    tsvector generated always as (to_tsvector('simple', qs_words(full_name || ' ' || patron_id))) stored,
    primary key (school_id, patron_id)
);
create index qs_patron_search on qs_patron using gin (school_id, search_doc);

-- From valid_from the patron belongs to class_id (null: to no class) until the next row's valid_from.
create table qs_patron_membership (
    school_id  varchar(64) not null,
    patron_id  varchar(32) not null,
    position   bigint      not null,
    class_id   varchar(32),
    valid_from date        not null,
    primary key (school_id, patron_id, position)
);
create index qs_patron_membership_class on qs_patron_membership (school_id, class_id);

-- From on_date the patron is inactive (LEFT) or active again (REJOINED).
create table qs_patron_departure (
    school_id varchar(64) not null,
    patron_id varchar(32) not null,
    position  bigint      not null,
    kind      varchar(8)  not null,
    on_date   date        not null,
    reason    varchar(16),
    primary key (school_id, patron_id, position)
);
