-- When the borrowing library received the copy (the request fulfilled), for Circular 16's count of
-- liên thông activity and the groups' days to fulfil. Requests received before this column, from
-- the receipts themselves in the store, whatever steps followed (sent home, back home): a database
-- migrated answers as one rebuilt from the events.
alter table qs_interlibrary_loan add column received_at timestamptz;
do $$
begin
    if to_regclass('domainevententry') is not null then
        update qs_interlibrary_loan l set received_at = arrived.at
        from (select (e.payload::jsonb ->> 'requestId')::uuid as request_id,
                     min((e.payload::jsonb ->> 'receivedAt')::timestamptz) as at
              from domainevententry e
              where e.payloadtype like '%.CopyArrivedAtPartner' and e.payload::jsonb ->> 'requestId' is not null
              group by 1) as arrived
        where arrived.request_id = l.request_id;
    end if;
end
$$;
update qs_interlibrary_loan set received_at = updated_at where status = 'RECEIVED' and received_at is null;
create index qs_interlibrary_loan_received on qs_interlibrary_loan (received_at) where received_at is not null;
