-- Loans of goods (capability: lending). An approved loan holds one loan_day row (lent_day) per day of the
-- city's calendar it covers; the primary key (listing_id, lent_day) is what makes an item impossible
-- to lend twice for the same day, on PostgreSQL and H2 alike (as booking_slot does for spaces).
create table loan (
    id              varchar(36)   primary key,
    listing_id      varchar(36)   not null references listing (id),
    borrower_id     varchar(36)   not null references resident (id),
    first_day       date          not null,
    last_day        date          not null,
    status          varchar(12)   not null,
    message         varchar(500),
    deposit_krw     integer,
    decided_by      varchar(36),
    decided_at      timestamp with time zone,
    decision_note   varchar(500),
    picked_up_at    timestamp with time zone,
    condition_out   varchar(10),
    returned_at     timestamp with time zone,
    condition_back  varchar(10),
    damage_note     varchar(1000),
    renewals        integer       not null,
    created_at      timestamp with time zone not null,
    version         bigint        not null,
    constraint loan_days check (last_day >= first_day)
);
create index loan_listing_idx on loan (listing_id, first_day);
create index loan_borrower_idx on loan (borrower_id, status);

create table loan_day (
    listing_id  varchar(36)  not null,
    lent_day    date         not null,
    loan_id     varchar(36)  not null references loan (id),
    constraint loan_day_pk primary key (listing_id, lent_day)
);
create index loan_day_loan_idx on loan_day (loan_id);
