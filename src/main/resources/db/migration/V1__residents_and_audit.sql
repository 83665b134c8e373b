-- Residents, households and districts (capability: residents), and the audit trail (platform).
-- Written in SQL that both PostgreSQL and H2 accept, so one migration history serves both.

-- Ids are UUIDs kept as text (varchar(36)): EclipseLink binds a null java.util.UUID as varchar,
-- which PostgreSQL rejects for uuid columns (docs/decisions/0002-ids-as-text.md).
create table district (
    code           varchar(40)  primary key,
    official_code  varchar(20)  not null,
    name_ko        varchar(100) not null,
    name_en        varchar(100) not null,
    latitude       double precision not null,
    longitude      double precision not null
);

create table household (
    id                     varchar(36)       primary key,
    name                   varchar(80)  not null,
    created_at             timestamp with time zone not null,
    invitation_code        varchar(16),
    invitation_expires_at  timestamp with time zone,
    dissolved_at           timestamp with time zone,
    version                bigint       not null,
    constraint household_invitation_code_unique unique (invitation_code)
);

create table resident (
    id                       varchar(36)        primary key,
    subject                  varchar(255)  not null,
    username                 varchar(255)  not null,
    display_name             varchar(255)  not null,
    email                    varchar(320),
    district_code            varchar(40)   references district (code),
    household_id             varchar(36)        references household (id),
    residency_verified_at    timestamp with time zone,
    residency_verified_by    varchar(36)        references resident (id),
    created_at               timestamp with time zone not null,
    version                  bigint        not null,
    constraint resident_subject_unique unique (subject)
);
create index resident_household_idx on resident (household_id);

-- Every state change that staff or councils must be able to review, written in the same
-- transaction as the change. Never updated, never deleted.
create table audit_record (
    id            varchar(36)        primary key,
    occurred_at   timestamp with time zone not null,
    actor_id      varchar(36),
    actor_kind    varchar(20)   not null,
    action        varchar(80)   not null,
    target_type   varchar(40)   not null,
    target_id     varchar(80)   not null,
    reason        varchar(2000)
);
create index audit_record_target_idx on audit_record (target_type, target_id);
