-- The authorities schools name as theirs (in any school year), whether or not the tree holds them
-- yet: an authority's administrator may add a new authority below their own, but not one that
-- schools already name, or naming it would hand them those schools.
create table cmd_named_authority (
    authority_id varchar(64) not null,
    school_id    varchar(64) not null,
    primary key (authority_id, school_id)
);

-- Schools registered before this table existed, from the events themselves.
do $$
begin
    if to_regclass('domainevententry') is not null then
        insert into cmd_named_authority (authority_id, school_id)
        select distinct named.authority_id, named.school_id
        from (select e.payload::jsonb ->> 'authorityId' as authority_id, e.payload::jsonb ->> 'schoolId' as school_id
              from domainevententry e
              where e.payloadtype like '%.SchoolRegistered' or e.payloadtype like '%.SchoolDetailsChanged'
              union all
              select stretch ->> 'authorityId', e.payload::jsonb ->> 'schoolId'
              from domainevententry e, jsonb_array_elements(e.payload::jsonb -> 'supervisions') as stretch
              where e.payloadtype like '%.SchoolSupervisionChanged') as named
        where named.authority_id is not null
        on conflict do nothing;
    end if;
end
$$;
