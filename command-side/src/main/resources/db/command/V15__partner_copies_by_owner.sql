-- Two partners may number their copies alike: a desk can hold both at once (issue 21), so a
-- partner's copy at a desk is known by its owner as well as its barcode.
alter table cmd_partner_copy drop constraint cmd_partner_copy_pkey;
alter table cmd_partner_copy add primary key (holder_school_id, barcode, owner_school_id);
