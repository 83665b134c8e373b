-- Bookings of spaces (capability: lending). A booking holds one booking_slot row per quarter hour
-- it covers; the primary key (listing_id, slot_start) is what makes a quarter hour impossible to
-- take twice, on PostgreSQL and on H2 alike, however many requests race for it. Quarter hours,
-- not the space's slot length, so bookings made before and after a change of slot length still
-- collide exactly. A cancelled booking keeps its row and gives its slots back.
create table booking (
    id             varchar(36)   primary key,
    listing_id     varchar(36)   not null references listing (id),
    booker_id      varchar(36)   not null references resident (id),
    purpose        varchar(10)   not null,
    group_name     varchar(120),
    note           varchar(500),
    starts_at      timestamp with time zone not null,
    ends_at        timestamp with time zone not null,
    series_id      varchar(36),
    status         varchar(12)   not null,
    created_at     timestamp with time zone not null,
    cancelled_at   timestamp with time zone,
    cancelled_by   varchar(36),
    cancel_reason  varchar(500),
    version        bigint        not null,
    constraint booking_period check (ends_at > starts_at)
);
create index booking_listing_idx on booking (listing_id, starts_at);
create index booking_booker_idx on booking (booker_id, starts_at);
create index booking_series_idx on booking (series_id);

create table booking_slot (
    listing_id   varchar(36)  not null,
    slot_start   timestamp with time zone not null,
    booking_id   varchar(36)  not null references booking (id),
    constraint booking_slot_pk primary key (listing_id, slot_start)
);
create index booking_slot_booking_idx on booking_slot (booking_id);
