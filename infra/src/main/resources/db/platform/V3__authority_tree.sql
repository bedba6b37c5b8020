-- The tree of supervising authorities (a province's Sở above its commune offices; legacy district
-- offices kept for the years before July 2025), written by the command side in the transaction
-- that stores the authority's events, read by every side that decides who may see what.
create table authority_tree (
    authority_id varchar(64)  primary key,
    name         varchar(200) not null,
    kind         varchar(32)  not null,
    parent_id    varchar(64)
);
create index authority_tree_parent on authority_tree (parent_id);
