-- Photos of listings, re-encoded on upload (so no camera metadata such as GPS survives), with a
-- thumbnail. Moderation can hide one; a hidden photo is shown to its owner only.
create table listing_photo (
    id            varchar(36)  primary key,
    listing_id    varchar(36)  not null references listing (id),
    position      integer      not null,
    width         integer      not null,
    height        integer      not null,
    image         bytea        not null,
    thumbnail     bytea        not null,
    hidden        boolean      not null,
    created_at    timestamp with time zone not null
);
create index listing_photo_listing_idx on listing_photo (listing_id, position);
