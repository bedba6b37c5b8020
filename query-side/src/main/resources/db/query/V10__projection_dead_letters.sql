-- Events a projection could not apply, parked by Axon's JDBC dead-letter queue: one sequence per
-- school (the processors' sequencing policy), so a school's later events wait behind its first
-- failed one, in order, while every other school goes on. The columns are Axon's
-- (DeadLetterSchema's defaults); payloads are bytes of the event serializer, times ISO-8601 text.
-- The cause is text: Axon truncates it to 1024 characters, one more than its own table holds.
create table deadletterentry (
    deadletteridentifier varchar(255) not null primary key,
    processinggroup      varchar(255) not null,
    sequenceidentifier   varchar(255) not null,
    sequenceindex        bigint       not null,
    messagetype          varchar(255) not null,
    eventidentifier      varchar(255) not null,
    timestamp            varchar(255) not null,
    payloadtype          varchar(255) not null,
    payloadrevision      varchar(255),
    payload              bytea        not null,
    metadata             bytea,
    type                 varchar(255),
    aggregateidentifier  varchar(255),
    sequencenumber       bigint,
    tokentype            varchar(255),
    token                bytea,
    enqueuedat           varchar(255) not null,
    lasttouched          varchar(255),
    processingstarted    varchar(255),
    causetype            varchar(255),
    causemessage         text,
    diagnostics          bytea,
    unique (processinggroup, sequenceidentifier, sequenceindex)
);
