-- A school rolls a year over once. The school year a rollover job moves students into is kept on
-- its job, and at most one job per school and year may stand queued, running or succeeded: the
-- database refuses a second one even when two requests race, and says so after any restart. A
-- failed or cancelled rollover leaves the index, so a corrected one may run.
alter table cmd_import_job add column school_year varchar(9);

-- Rollovers asked for before this column: their year is in the plan they stored (JSON, in
-- pieces); when a year was rolled over more than once, the first standing one is the year's.
update cmd_import_job job set school_year = planned.school_year
from (
    select import_id, school_year,
           row_number() over (partition by school_id, school_year order by requested_at, import_id) as nth
    from (
        select rollover.import_id, rollover.school_id, rollover.requested_at,
               convert_from(string_agg(chunk.bytes, ''::bytea order by chunk.seq), 'UTF8')::jsonb ->> 'schoolYear' as school_year
        from cmd_import_job rollover join cmd_import_chunk chunk on chunk.import_id = rollover.import_id
        where rollover.kind = 'ROLLOVER' and rollover.status in ('QUEUED', 'RUNNING', 'SUCCEEDED')
        group by rollover.import_id, rollover.school_id, rollover.requested_at
    ) stored
) planned
where job.import_id = planned.import_id and planned.nth = 1;

create unique index cmd_import_job_rollover on cmd_import_job (school_id, school_year)
    where kind = 'ROLLOVER' and status in ('QUEUED', 'RUNNING', 'SUCCEEDED');
