-- An Idempotency-Key belongs to the account that sent it (in the school it was sent to): the
-- same key from another account is another key, and never gets the first account's answer.
alter table command_idempotency add column account text;

-- Keys kept from before: the account is the actor of the event the answer points at, so that a
-- retry of a request sent before the upgrade still gets its first answer.
update command_idempotency i
set account = coalesce((select substring(e.metadata from '"actor":"([^"]*)"')
                        from domainevententry e where e.globalindex = i.event_position), '');

alter table command_idempotency alter column account set not null;
alter table command_idempotency drop constraint command_idempotency_pkey;
alter table command_idempotency add primary key (account, school_id, idempotency_key);

-- A refusal is the first answer too: kept as its code (arguments in response_body, as JSON),
-- with no event position, since a refusal stores no event.
alter table command_idempotency add column refusal varchar(64);
alter table command_idempotency alter column event_position drop not null;
