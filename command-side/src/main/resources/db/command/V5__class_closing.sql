-- The day a class was closed: from then on it takes no new member and no new library period.
alter table cmd_class add column closed_on date;
