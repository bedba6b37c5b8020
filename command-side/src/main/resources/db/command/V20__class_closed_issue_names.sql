-- CLASS_CLOSED names the class by its name and its id since V19's release ({0} name, {1} id, {2} date). Issues stored
-- before named it by its id and the date only: they read on with the id in the name's place, rather than as
-- "Lớp 6a (mã 2026-05-31) ... {2}".
update cmd_import_issue
set arguments = array[arguments[1], arguments[1], arguments[2]]
where code = 'CLASS_CLOSED' and cardinality(arguments) = 2;
