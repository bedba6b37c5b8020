-- Copies kept a third of each page free for their updates (V10), when every checkout and return
-- rewrote one. Since V15 only a hold shelf or a withdrawal changes a copy, so the room only made
-- the table, and every count of a title's copies, a third larger. Loans and holds keep theirs.
-- Pages already written keep their room until a rebuild rewrites the table.
alter table qs_copy reset (fillfactor);
