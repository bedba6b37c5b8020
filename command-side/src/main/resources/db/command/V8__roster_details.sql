-- What a roster import compares a row with, to tell a row that changes nothing from one that
-- updates (and to count a dry run right without sending a command): a patron's name, a class's
-- name, grade and homeroom teacher, kept with the events by the lookup tables' processor.
alter table cmd_patron add column full_name varchar(200);
alter table cmd_class add column name varchar(50);
alter table cmd_class add column grade integer;
alter table cmd_class add column homeroom_teacher_id varchar(32);

-- Patrons and classes registered before these columns existed: their latest details from the events.
do $$
begin
    if to_regclass('domainevententry') is not null then
        update cmd_patron p set full_name = latest.full_name
        from (select distinct on (e.aggregateidentifier)
                     e.payload::jsonb ->> 'schoolId' as school_id, e.payload::jsonb ->> 'patronId' as patron_id,
                     e.payload::jsonb ->> 'fullName' as full_name
              from domainevententry e
              where e.payloadtype like '%.PatronRegistered' or e.payloadtype like '%.PatronDetailsChanged'
              order by e.aggregateidentifier, e.sequencenumber desc) latest
        where p.school_id = latest.school_id and p.patron_id = latest.patron_id;

        update cmd_class c set name = latest.name, grade = latest.grade, homeroom_teacher_id = latest.teacher
        from (select distinct on (e.aggregateidentifier)
                     e.payload::jsonb ->> 'schoolId' as school_id, e.payload::jsonb ->> 'classId' as class_id,
                     e.payload::jsonb ->> 'name' as name, (e.payload::jsonb ->> 'grade')::integer as grade,
                     e.payload::jsonb ->> 'homeroomTeacherId' as teacher
              from domainevententry e
              where e.payloadtype like '%.ClassOpened' or e.payloadtype like '%.ClassDetailsChanged'
              order by e.aggregateidentifier, e.sequencenumber desc) latest
        where c.school_id = latest.school_id and c.class_id = latest.class_id;
    end if;
end
$$;
