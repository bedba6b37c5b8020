-- A patron's first class was stored as holding from 1900-01-01, "from always", so a student
-- registered today counted in a library period of their class held yesterday. It holds from
-- the day of the registration (ClassHistory): the day the registration was recorded, in
-- Vietnam, read here from the events themselves.
do $$
begin
    if to_regclass('domainevententry') is not null then
        create temporary table registered_on on commit drop as
        select e.payload::jsonb ->> 'schoolId' as school_id, e.payload::jsonb ->> 'patronId' as patron_id,
               min((e.timestamp::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date) as registered_on
        from domainevententry e
        where e.payloadtype like '%.PatronRegistered'
        group by 1, 2;

        -- a class move dated on the registration day already says the class from that day
        delete from cmd_patron_class c
        using registered_on r
        where c.effective_on = date '1900-01-01' and c.school_id = r.school_id and c.patron_id = r.patron_id
          and exists (select 1 from cmd_patron_class same
                      where same.school_id = c.school_id and same.patron_id = c.patron_id
                        and same.effective_on = r.registered_on);

        update cmd_patron_class c set effective_on = r.registered_on
        from registered_on r
        where c.effective_on = date '1900-01-01' and c.school_id = r.school_id and c.patron_id = r.patron_id;
    end if;
end
$$;
