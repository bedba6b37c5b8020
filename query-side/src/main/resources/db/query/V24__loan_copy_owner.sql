-- Whose copy a loan lent (liên thông): null for the desk's own copy, else the partner library that
-- owns it, taken from the copy's stream. A partner's copy lent at a desk that numbers a copy of its
-- own alike is not the desk's copy: only a loan with no owner makes the desk's copy ON_LOAN
-- (vn.motsach.query.copies.CopyState). Adding a nullable column rewrites no row.
alter table qs_loan add column owner_school_id varchar(64);
-- Loans made before: a partner's copy was lent under its owner's title, whose id (a UUID) is of
-- the owner's catalogue, not the desk's.
update qs_loan l set owner_school_id = t.school_id
from qs_catalogue_title t
where t.title_id = l.title_id and t.school_id <> l.school_id;
