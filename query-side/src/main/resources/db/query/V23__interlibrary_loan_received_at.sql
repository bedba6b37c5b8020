-- When the borrowing library received the copy (the request fulfilled), for Circular 16's count of
-- liên thông activity and the groups' days to fulfil. Requests received before this column: the
-- time of their last step while that step was the receipt, else unknown.
alter table qs_interlibrary_loan add column received_at timestamptz;
update qs_interlibrary_loan set received_at = updated_at where status = 'RECEIVED';
create index qs_interlibrary_loan_received on qs_interlibrary_loan (received_at) where received_at is not null;
