-- The school's education levels (cấp học), kept with its events by the lookup tables' processor:
-- a roster import refuses a class of a grade the school does not teach (a grade 3 in a THCS).
alter table cmd_school add column education_levels varchar(16)[];

-- Schools registered before this column: their latest levels from the events.
do $$
begin
    if to_regclass('domainevententry') is not null then
        update cmd_school s set education_levels = latest.levels
        from (select distinct on (e.aggregateidentifier)
                     e.payload::jsonb ->> 'schoolId' as school_id,
                     array(select jsonb_array_elements_text(e.payload::jsonb -> 'educationLevels'))::varchar(16)[] as levels
              from domainevententry e
              where e.payloadtype like '%.SchoolRegistered' or e.payloadtype like '%.SchoolDetailsChanged'
              order by e.aggregateidentifier, e.sequencenumber desc) latest
        where s.school_id = latest.school_id;
    end if;
end
$$;
