-- Deposits' outcomes and references after loans (capability: lending).
-- A deposit is recorded, not collected here; when the item is back (or lost), staff decide what
-- becomes of it, on the record. The borrower may appeal to the council (council capability).
alter table loan add column deposit_outcome varchar(12);
alter table loan add column deposit_kept_krw integer;
alter table loan add column deposit_decided_by varchar(36);
alter table loan add column deposit_decided_at timestamp with time zone;
alter table loan add column deposit_reason varchar(500);

-- After a loan is closed, its borrower and its lender may each say a word about the other, once.
create table loan_reference (
    loan_id     varchar(36)   not null references loan (id),
    author_id   varchar(36)   not null references resident (id),
    about_id    varchar(36)   references resident (id),
    about_role  varchar(10)   not null,
    rating      integer       not null,
    comment     varchar(500),
    created_at  timestamp with time zone not null,
    constraint loan_reference_pk primary key (loan_id, author_id),
    constraint loan_reference_rating check (rating between 1 and 5)
);
create index loan_reference_about_idx on loan_reference (about_id);
