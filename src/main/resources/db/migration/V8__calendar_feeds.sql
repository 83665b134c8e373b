-- A resident's private iCalendar feed of their bookings and loans (capability: lending). The URL
-- carries a random token; only its SHA-256 is kept, so the table does not hold working URLs.
-- Making a new one replaces the old (revoking it); deleting the row revokes the feed.
create table calendar_feed (
    resident_id  varchar(36)  primary key references resident (id),
    token_hash   varchar(64)  not null,
    created_at   timestamp with time zone not null,
    constraint calendar_feed_token_unique unique (token_hash)
);
