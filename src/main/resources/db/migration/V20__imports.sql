-- Imports (platform/imports): what each record of a source became in Nanum, so that importing a
-- file again changes nothing and a newer file updates what changed. See data-import/README.md.

-- kind: LISTING, MEMBER, TRANSFER or BALANCE. target_id: the listing, resident or transfer.
-- content_hash: the record as last imported; nanum_hash: the listing as that import left it (a
-- listing changed in Nanum since is not overwritten). review: why staff should look at it.
create table import_record (
    source             varchar(60)   not null,
    kind               varchar(10)   not null,
    external_id        varchar(200)  not null,
    target_id          varchar(36)   not null,
    content_hash       varchar(64)   not null,
    nanum_hash         varchar(64),
    source_updated_at  timestamp with time zone,
    source_line        integer       not null,
    review             varchar(500),
    first_imported_at  timestamp with time zone not null,
    last_imported_at   timestamp with time zone not null,
    imported_by        varchar(36)   references resident (id),
    version            bigint        not null,
    primary key (source, kind, external_id)
);
create index import_record_target_idx on import_record (kind, target_id);
create index import_record_review_idx on import_record (review, source);

-- Imported members are residents who have not signed in yet: no Keycloak subject until their
-- first sign-in with the same verified email links them.
alter table resident alter column subject drop not null;
create index resident_unclaimed_email_idx on resident (email);

-- The account imported history comes from: the source time bank's own account, and the opening
-- balances of members whose history is partial.
insert into tb_account (id, kind, household_id, code, balance, held, incoming, opened_at)
values ('00000000-0000-4000-8000-0000000000e3', 'SYSTEM', null, 'MIGRATION', 0, 0, 0, current_timestamp);
