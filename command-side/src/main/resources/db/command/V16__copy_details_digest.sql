-- A digest of each copy's details (acquisition date, source, price, loanable, call number), for an
-- import to tell a mended record from the same one again without loading the copy. Copies
-- accessioned before have none (null: unknown); an import then sends the correction, which
-- answers whether anything changed, and the digest is kept from then on.
alter table cmd_copy add column details_digest varchar(64);
