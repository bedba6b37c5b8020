-- Each copy's status was kept twice, by the catalogue (for its counts) and by the copies projection
-- ("copy-status"), from the same events by the same rules. The catalogue now keeps qs_copy alone,
-- its counts read from there, and the copies projection is gone: every checkout and return
-- changes one copy row instead of two.
drop table qs_catalogue_copy;

-- a title's copies: counted for a page of titles, gathered when a title is catalogued
create index qs_copy_title on qs_copy (school_id, title_id);

-- The catalogue takes over qs_copy where "copy-status" left it, and may be ahead of it: replayed
-- from the first event, it applies what the copies projection had not yet applied, every older
-- event changing nothing (each row keeps the position of the event that last changed it).
delete from tokenentry where processorname in ('catalogue', 'copy-status');
