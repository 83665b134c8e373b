-- Suspensions (capability: residents, decided by moderation): while one is in force the resident's
-- listings are hidden and new loans, bookings and sessions are refused. It ends when staff lift it
-- or when its end passes (a sweep then shows the listings again).
create table resident_suspension (
    id            varchar(36)   primary key,
    resident_id   varchar(36)   not null references resident (id),
    starts_at     timestamp with time zone not null,
    ends_at       timestamp with time zone not null,
    decided_by    varchar(36)   not null references resident (id),
    case_ref      varchar(36)   not null,
    lifted_at     timestamp with time zone,
    lifted_by     varchar(36)   references resident (id),
    version       bigint        not null
);
create index resident_suspension_idx on resident_suspension (resident_id, lifted_at, ends_at);

-- Why a listing is hidden: a moderation decision or automatic hold (MODERATION), or its owner's
-- suspension (SUSPENSION), so that lifting a suspension shows only what the suspension hid.
alter table listing add column hidden_cause varchar(10);

-- What staff decided about a case, with their words: the owner reads them (and may appeal).
-- (EDIT_REQUEST is longer than the first decisions were.)
alter table moderation_case alter column decision set data type varchar(20);
alter table moderation_case add column decision_category varchar(20);
alter table moderation_case add column decision_reason varchar(2000);
alter table moderation_case add column decided_by varchar(36);

-- An owner's appeal of a decision, routed to the council (which hears it: the council issue).
create table moderation_appeal (
    id            varchar(36)    primary key,
    case_id       varchar(36)    not null references moderation_case (id),
    appellant_id  varchar(36)    not null references resident (id),
    reason        varchar(2000)  not null,
    status        varchar(10)    not null,
    created_at    timestamp with time zone not null,
    decided_at    timestamp with time zone,
    constraint moderation_appeal_once unique (case_id)
);

-- Whom a case concerns (the owner of the target), so that they can read the decision and appeal it.
alter table moderation_case add column subject_resident varchar(36);
alter table moderation_case add column subject_household varchar(36);
create index moderation_case_subject_idx on moderation_case (subject_resident, subject_household);
