-- Periods when a listing is not available: set by its owner now; lending and booking will add
-- theirs (source LOAN / BOOKING with the loan's or booking's id). Dates are the city's calendar days.
create table listing_blocked_period (
    id          varchar(36)  primary key,
    listing_id  varchar(36)  not null references listing (id),
    first_day   date         not null,
    last_day    date         not null,
    source      varchar(10)  not null,
    source_id   varchar(36),
    constraint blocked_period_order check (last_day >= first_day)
);
create index blocked_period_listing_idx on listing_blocked_period (listing_id);
