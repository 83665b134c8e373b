-- Moderation (capability: moderation): residents' reports, the staff queue of cases, and the public
-- transparency log. A report is about one target (a listing, a photo, a message, a resident's
-- profile, a reference comment, a session); the open reports about a target make one case.

-- Where a hidden listing goes back to when moderation restores it.
alter table listing add column status_before_hidden varchar(12);

create table moderation_case (
    id            varchar(36)   primary key,
    target_type   varchar(10)   not null,
    target_id     varchar(36)   not null,
    status        varchar(8)    not null,
    urgency       integer       not null,
    reports       integer       not null,
    opened_at     timestamp with time zone not null,
    claimed_by    varchar(36)   references resident (id),
    claimed_at    timestamp with time zone,
    closed_at     timestamp with time zone,
    decision      varchar(10),
    -- target_type:target_id while the case is open, null once closed: one open case per target.
    open_key      varchar(50),
    version       bigint        not null,
    constraint moderation_case_open_unique unique (open_key)
);
create index moderation_case_queue_idx on moderation_case (status, urgency, opened_at);

create table report (
    id            varchar(36)    primary key,
    case_id       varchar(36)    not null references moderation_case (id),
    target_type   varchar(10)    not null,
    target_id     varchar(36)    not null,
    reporter_id   varchar(36)    not null references resident (id),
    reason        varchar(20)    not null,
    details       varchar(1000),
    status        varchar(8)     not null,
    created_at    timestamp with time zone not null,
    closed_at     timestamp with time zone,
    -- reporter:target_type:target_id while open: one open report per resident per target.
    open_key      varchar(90),
    constraint report_open_unique unique (open_key)
);
create index report_case_idx on report (case_id);
create index report_reporter_idx on report (reporter_id, created_at);

-- The public record: append-only; a correction is a new entry pointing to the one it corrects.
-- Never a resident's identity or a report's text: the actor is a role and a stable pseudonym.
create table transparency_entry (
    id               varchar(36)   primary key,
    at               timestamp with time zone not null,
    action           varchar(20)   not null,
    target_type      varchar(10)   not null,
    reason_category  varchar(20)   not null,
    actor_role       varchar(10)   not null,
    actor_pseudonym  varchar(20)   not null,
    automatic        boolean       not null,
    case_id          varchar(36)   not null,
    corrects         varchar(36)   references transparency_entry (id)
);
create index transparency_entry_at_idx on transparency_entry (at, id);
