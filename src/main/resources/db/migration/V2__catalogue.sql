-- The catalogue: categories, listings of the four kinds, and the outbox the search index follows.

create table category (
    code         varchar(60)  primary key,
    parent_code  varchar(60),  -- checked by the loader (parents come first in the file)
    kind         varchar(12)  not null,
    name_ko      varchar(100) not null,
    name_en      varchar(100) not null,
    name_fr      varchar(100) not null,
    position     integer      not null
);

create table listing (
    id                 varchar(36)   primary key,
    kind               varchar(12)   not null,
    direction          varchar(8)    not null,
    owner_type         varchar(10)   not null,
    owner_id           varchar(36),
    created_by         varchar(36)   not null references resident (id),
    title              varchar(120)  not null,
    description        varchar(5000) not null,
    language           varchar(2)    not null,
    category_code      varchar(60)   not null references category (code),
    district_code      varchar(40)   references district (code),
    -- The exact place: shown only to the resident whose loan or session is approved.
    latitude           double precision,
    longitude          double precision,
    -- What search and everyone else see: for residents' homes, a point coarsened to ~200 m.
    public_latitude    double precision,
    public_longitude   double precision,
    details            varchar(4000) not null,
    status             varchar(12)   not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint        not null
);
create index listing_owner_idx on listing (owner_type, owner_id);
create index listing_created_by_idx on listing (created_by);

-- One row per committed change of a listing, written in the same transaction. Every node reads
-- it to keep its own index in step (docs/decisions/0004-catalogue-index-outbox.md).
create sequence listing_change_seq start with 1 increment by 1;
create table listing_change (
    seq          bigint       primary key,
    listing_id   varchar(36)  not null,
    changed_at   timestamp with time zone not null
);
create index listing_change_time_idx on listing_change (changed_at);
