-- Rows that circulation changes over and over (a copy's status, a loan's return, a hold's
-- turn) leave a third of each page free, so that an update which changes no indexed column
-- stays on its page as a heap-only tuple: no index entry to add, and the dead version is pruned
-- with the page. A rebuild creates its tables with the same parameters.
alter table qs_catalogue_copy set (fillfactor = 70);
alter table qs_copy set (fillfactor = 70);
alter table qs_loan set (fillfactor = 70);
alter table qs_hold set (fillfactor = 70);
