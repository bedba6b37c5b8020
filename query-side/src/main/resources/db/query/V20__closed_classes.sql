-- The day a class was closed (null while open): lists and the class view show it.
alter table qs_class add column closed_on date;
