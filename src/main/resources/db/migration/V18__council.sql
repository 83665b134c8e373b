-- Councils (capability: council). The Keycloak "council" role only opens the council's pages;
-- who sits on which council, for which term, is kept here and assigned by an admin.
create table council (
    id             varchar(36)   primary key,
    name           varchar(120)  not null,
    district_code  varchar(40)   references district (code),   -- null: the city-wide council
    created_at     timestamp with time zone not null,
    created_by     varchar(36)   not null references resident (id),
    constraint council_name_unique unique (name)
);

create table council_term (
    id          varchar(36)  primary key,
    council_id  varchar(36)  not null references council (id),
    starts_on   date         not null,
    ends_on     date         not null,                          -- the last day of the term
    created_at  timestamp with time zone not null,
    constraint council_term_dates check (ends_on >= starts_on)
);
create index council_term_council_idx on council_term (council_id, starts_on);

create table council_member (
    term_id      varchar(36)  not null references council_term (id),
    resident_id  varchar(36)  not null references resident (id),
    assigned_by  varchar(36)  not null references resident (id),
    assigned_at  timestamp with time zone not null,
    ended_at     timestamp with time zone,
    ended_by     varchar(36)  references resident (id),
    end_reason   varchar(500),
    constraint council_member_pk primary key (term_id, resident_id)
);
create index council_member_resident_idx on council_member (resident_id);

-- A proposed change of one policy value: comments until comments_until, votes until voting_until,
-- then counted once (status OPEN becomes PASSED, REJECTED or NO_QUORUM, with the counts).
create table council_proposal (
    id              varchar(36)    primary key,
    council_id      varchar(36)    not null references council (id),
    term_id         varchar(36)    not null references council_term (id),
    policy_key      varchar(60)    not null,
    value_then      integer        not null,
    proposed_value  integer        not null,
    effective_from  timestamp with time zone not null,
    rationale       varchar(4000)  not null,
    proposed_by     varchar(36)    references resident (id),    -- null when a petition put it on the agenda
    petition_id     varchar(36),
    created_at      timestamp with time zone not null,
    comments_until  timestamp with time zone not null,
    voting_until    timestamp with time zone not null,
    status          varchar(10)    not null,
    quorum_percent  integer        not null,
    members         integer,
    yes_votes       integer,
    no_votes        integer,
    abstentions     integer,
    decided_at      timestamp with time zone,
    version         bigint         not null
);
create index council_proposal_status_idx on council_proposal (status, voting_until);

-- One ballot per member per proposal. Ballots are secret: the public record has the counts only.
create table council_vote (
    proposal_id  varchar(36)  not null references council_proposal (id),
    member_id    varchar(36)  not null references resident (id),
    choice       varchar(7)   not null,
    cast_at      timestamp with time zone not null,
    constraint council_vote_pk primary key (proposal_id, member_id)
);

create table council_comment (
    id           varchar(36)    primary key,
    proposal_id  varchar(36)    not null references council_proposal (id),
    author_id    varchar(36)    not null references resident (id),
    body         varchar(2000)  not null,
    created_at   timestamp with time zone not null
);
create index council_comment_proposal_idx on council_comment (proposal_id, created_at);

-- Residents' petitions: once enough residents support one, it must go on the council's agenda
-- (status QUALIFIED until a sweep places it, then ON_AGENDA with its proposal; LAPSED when its
-- time for gathering support ran out first).
create table council_petition (
    id              varchar(36)    primary key,
    council_id      varchar(36)    not null references council (id),
    policy_key      varchar(60)    not null,
    proposed_value  integer        not null,
    rationale       varchar(4000)  not null,
    created_by      varchar(36)    not null references resident (id),
    created_at      timestamp with time zone not null,
    open_until      timestamp with time zone not null,
    needed          integer        not null,
    supporters      integer        not null,
    status          varchar(10)    not null,
    qualified_at    timestamp with time zone,
    proposal_id     varchar(36),
    version         bigint         not null
);
create index council_petition_status_idx on council_petition (status);

create table council_petition_support (
    petition_id  varchar(36)  not null references council_petition (id),
    resident_id  varchar(36)  not null references resident (id),
    created_at   timestamp with time zone not null,
    constraint council_petition_support_pk primary key (petition_id, resident_id)
);

-- A council's hearing of an appeal (of a moderation decision or a deposit outcome), once each.
create table council_hearing (
    id          varchar(36)    primary key,
    appeal_kind varchar(10)    not null,
    appeal_id   varchar(36)    not null,
    outcome     varchar(10)    not null,
    reason      varchar(2000)  not null,
    heard_by    varchar(36)    not null references resident (id),
    council_id  varchar(36)    not null references council (id),
    decided_at  timestamp with time zone not null,
    constraint council_hearing_once unique (appeal_kind, appeal_id)
);

-- A borrower's appeal of what staff decided about their deposit (capability: lending), once.
create table deposit_appeal (
    id            varchar(36)    primary key,
    loan_id       varchar(36)    not null references loan (id),
    appellant_id  varchar(36)    not null references resident (id),
    reason        varchar(2000)  not null,
    -- what staff decided, as it stood when appealed (an overturn then releases the deposit)
    outcome       varchar(12)    not null,
    kept_krw      integer        not null,
    staff_reason  varchar(500),
    status        varchar(10)    not null,
    created_at    timestamp with time zone not null,
    decided_at    timestamp with time zone,
    constraint deposit_appeal_once unique (loan_id)
);

-- A council's decision names the council, the counts and the proposal: longer than a person's name.
alter table policy_value alter column decided_by set data type varchar(400);

-- The usage report reads a period's rows by the moment they were made.
create index loan_created_idx on loan (created_at);
create index booking_created_idx on booking (created_at);
create index listing_created_idx on listing (created_at);
create index tb_transfer_created_idx on tb_transfer (created_at);
create index tb_journal_recorded_idx on tb_journal (recorded_at);
create index moderation_appeal_created_idx on moderation_appeal (created_at);
create index deposit_appeal_created_idx on deposit_appeal (created_at);
