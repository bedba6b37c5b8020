-- Whose hold it is, to cancel a patron's open holds when they leave the school.
alter table cmd_hold add column patron_id varchar(32);

-- Holds placed before this column existed, from the events themselves.
do $$
begin
    if to_regclass('domainevententry') is not null then
        update cmd_hold h set patron_id = e.payload::jsonb ->> 'patronId'
        from domainevententry e
        where e.aggregateidentifier = 'title:' || h.school_id || ':' || h.title_id
          and e.payloadtype like '%.HoldPlaced'
          and e.payload::jsonb ->> 'holdId' = h.hold_id::text;
    end if;
end
$$;

create index cmd_hold_open_of_patron on cmd_hold (school_id, patron_id) where not closed;
