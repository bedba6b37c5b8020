-- What closing a stocktake needs to judge which copies it misses, as of the close: a title's
-- document type and classification (a stocktake's scope), and when a copy last circulated (a
-- copy lent or returned since the stocktake began may have left or come back to the shelves
-- after its part of them was scanned, so it is not missing).
alter table cmd_title add column doc_type varchar(32), add column classification text;
alter table cmd_copy add column circulated_at timestamptz;

-- Titles and copies stored before these columns existed, from the events themselves.
do $$
begin
    if to_regclass('domainevententry') is not null then
        update cmd_title t set doc_type = latest.doc_type, classification = latest.classification
        from (select distinct on (e.aggregateidentifier) e.aggregateidentifier,
                     e.payload::jsonb ->> 'docType' as doc_type, e.payload::jsonb ->> 'classification' as classification
              from domainevententry e
              where e.aggregateidentifier like 'title:%'
                and (e.payloadtype like '%.TitleCatalogued' or e.payloadtype like '%.TitleRevised')
              order by e.aggregateidentifier, e.globalindex desc) as latest
        where latest.aggregateidentifier = 'title:' || t.school_id || ':' || t.title_id;

        update cmd_copy c set circulated_at = latest.at
        from (select e.payload::jsonb ->> 'schoolId' as school_id, e.payload::jsonb ->> 'barcode' as barcode,
                     max(coalesce(e.payload::jsonb ->> 'borrowedAt', e.payload::jsonb ->> 'returnedAt')::timestamptz) as at
              from domainevententry e
              where e.payloadtype like '%.CopyCheckedOut' or e.payloadtype like '%.CopyReturned'
              group by 1, 2) as latest
        where latest.school_id = c.school_id and latest.barcode = c.barcode;
    end if;
end
$$;
