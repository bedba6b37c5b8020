-- Whether a hold is still open (waiting or on the hold shelf): a checkout or return of a title
-- without open holds need not load the title at all.
alter table cmd_hold add column closed boolean not null default false;

-- Holds closed before this column existed, from the events themselves.
do $$
begin
    if to_regclass('domainevententry') is not null then
        update cmd_hold h set closed = true
        where exists (select 1 from domainevententry e
                      where e.aggregateidentifier = 'title:' || h.school_id || ':' || h.title_id
                        and (e.payloadtype like '%.HoldFulfilled' or e.payloadtype like '%.HoldCancelled'
                             or e.payloadtype like '%.HoldExpired')
                        and e.payload::jsonb ->> 'holdId' = h.hold_id::text);
    end if;
end
$$;

create index cmd_hold_open on cmd_hold (school_id, title_id) where not closed;
