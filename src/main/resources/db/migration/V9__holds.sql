-- Holds (capability: lending): a fair queue of residents waiting for an item that is out. The
-- first in line is offered the item when it comes back and has a limited time to take it
-- (policy HOLD_OFFER_HOURS); then it passes to the next. Rows are kept when they end.
create table hold (
    id                varchar(36)   primary key,
    listing_id        varchar(36)   not null references listing (id),
    resident_id       varchar(36)   not null references resident (id),
    status            varchar(10)   not null,
    joined_at         timestamp with time zone not null,
    offered_at        timestamp with time zone,
    offer_expires_at  timestamp with time zone,
    ended_at          timestamp with time zone,
    loan_id           varchar(36),
    version           bigint        not null
);
create index hold_listing_idx on hold (listing_id, status, joined_at);
create index hold_resident_idx on hold (resident_id, status);
create index hold_offer_idx on hold (status, offer_expires_at);
