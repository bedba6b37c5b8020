-- The day a patron's departure takes effect: a rollover records its graduates' departure ahead, on
-- the new year's first day, and until then a roster sent again finds them as they are. Departures
-- stored before this column stay without a day, as departed.
alter table cmd_patron add column left_on date;
