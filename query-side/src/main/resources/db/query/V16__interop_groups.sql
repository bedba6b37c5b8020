-- Liên thông groups (processing group "interop-groups"): a group of an authority with its level
-- of sharing, and its member schools. A school may be in several groups.
create table qs_interop_group (
    group_id      varchar(64)  primary key,
    authority_id  varchar(64)  not null,
    name          varchar(200) not null,
    sharing       varchar(16)  not null,
    updated_at    timestamptz  not null,
    last_position bigint       not null
);
create index qs_interop_group_authority on qs_interop_group (authority_id);

create table qs_interop_member (
    group_id  varchar(64) not null,
    school_id varchar(64) not null,
    primary key (group_id, school_id)
);
create index qs_interop_member_school on qs_interop_member (school_id);
