-- Every event names its school: an index on it lets a school's administrator list who did what.
create index domainevententry_school on domainevententry (((payload::jsonb) ->> 'schoolId'), globalindex);
