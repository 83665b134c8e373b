-- When the borrower of an overdue loan was last reminded (capability: lending).
alter table loan add column last_reminded_at timestamp with time zone;
