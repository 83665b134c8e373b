-- Time bank (capability: timebank): a double-entry ledger of whole minutes. Every account is on
-- the books (households' and the city's system accounts), every transfer moves minutes from one
-- account to another, so the balances always sum to zero. See docs/decisions/0006-time-bank-ledger.md.

-- The fact that a resident's checks as a sitter were done (never the documents), and its withdrawal.
create table sitter_check (
    resident_id    varchar(36)   primary key references resident (id),
    checked_on     date          not null,
    recorded_by    varchar(36)   not null references resident (id),
    recorded_at    timestamp with time zone not null,
    withdrawn_at   timestamp with time zone,
    withdrawn_by   varchar(36)   references resident (id),
    version        bigint        not null
);

-- balance: posted minutes. held: minutes held from it for pending transfers (they count against
-- the floor). incoming: minutes held for it (they count against the ceiling).
create table tb_account (
    id            varchar(36)  primary key,
    kind          varchar(10)  not null,
    household_id  varchar(36)  references household (id),
    code          varchar(20),
    balance       bigint       not null,
    held          bigint       not null,
    incoming      bigint       not null,
    opened_at     timestamp with time zone not null,
    constraint tb_account_household_unique unique (household_id),
    constraint tb_account_code_unique unique (code),
    constraint tb_account_held_check check (held >= 0 and incoming >= 0),
    constraint tb_account_owner_check check ((kind = 'HOUSEHOLD' and household_id is not null and code is null)
        or (kind = 'SYSTEM' and code is not null and household_id is null))
);
insert into tb_account (id, kind, household_id, code, balance, held, incoming, opened_at)
values ('00000000-0000-4000-8000-0000000000e1', 'SYSTEM', null, 'ISSUER', 0, 0, 0, current_timestamp);
insert into tb_account (id, kind, household_id, code, balance, held, incoming, opened_at)
values ('00000000-0000-4000-8000-0000000000e2', 'SYSTEM', null, 'POT', 0, 0, 0, current_timestamp);

-- A transfer's parties and amount never change. status moves PENDING -> POSTED or VOIDED once;
-- posted_minutes is what a two-phase transfer finally moved (a session's agreed duration).
create table tb_transfer (
    id              varchar(36)  primary key,
    from_account    varchar(36)  not null references tb_account (id),
    to_account      varchar(36)  not null references tb_account (id),
    minutes         integer      not null,
    posted_minutes  integer,
    kind            varchar(12)  not null,
    status          varchar(8)   not null,
    reverses        varchar(36)  references tb_transfer (id),
    session_id      varchar(36),
    created_at      timestamp with time zone not null,
    settled_at      timestamp with time zone,
    version         bigint       not null,
    constraint tb_transfer_reversed_once unique (reverses),
    constraint tb_transfer_minutes_check check (minutes > 0 and (posted_minutes is null or posted_minutes > 0)),
    constraint tb_transfer_parties_check check (from_account <> to_account)
);
create index tb_transfer_from_idx on tb_transfer (from_account, created_at);
create index tb_transfer_to_idx on tb_transfer (to_account, created_at);
create index tb_transfer_session_idx on tb_transfer (session_id);

-- Who asked for a transfer and why, in people's words: erasable, outside the chain.
create table tb_transfer_note (
    transfer_id  varchar(36)   primary key references tb_transfer (id),
    by_resident  varchar(36)   references resident (id),
    memo         varchar(500),
    listing_id   varchar(36)
);

-- The journal: append-only. An entry is written with its transfer; a sealer then gives entries,
-- in the order it finds them, a position in the hash chain (chain_pos, prev_hash, hash).
create table tb_journal (
    id            varchar(36)  primary key,
    transfer_id   varchar(36)  not null references tb_transfer (id),
    entry         varchar(6)   not null,
    from_account  varchar(36)  not null,
    to_account    varchar(36)  not null,
    minutes       integer      not null,
    recorded_at   timestamp with time zone not null,
    chain_pos     bigint,
    prev_hash     varchar(64),
    hash          varchar(64),
    constraint tb_journal_chain_pos_unique unique (chain_pos),
    constraint tb_journal_minutes_check check (minutes > 0)
);
create index tb_journal_unsealed_idx on tb_journal (chain_pos, recorded_at);
create index tb_journal_transfer_idx on tb_journal (transfer_id);

-- The head of the chain: its last position and hash. Sealers lock this row, so one seals at a time.
create table tb_chain_head (
    id         integer      primary key,
    pos        bigint       not null,
    hash       varchar(64)  not null,
    sealed_at  timestamp with time zone
);
insert into tb_chain_head (id, pos, hash, sealed_at)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', null);

-- Idempotency keys of transfers, per paying account: a retry returns the same transfer. No foreign
-- key to tb_account on purpose: on PostgreSQL it would take a KEY SHARE lock on the paying account
-- before the ledger locks it FOR UPDATE, and two payments from one account would deadlock.
create table tb_idempotency (
    account_id    varchar(36)   not null,
    idem_key      varchar(100)  not null,
    request_hash  varchar(64)   not null,
    transfer_id   varchar(36)   not null,
    created_at    timestamp with time zone not null,
    primary key (account_id, idem_key)
);

-- A session of care or of a service between two households. The provider gives the time (the
-- sitter), the receiver pays for it. Minutes are held when it is scheduled.
create table tb_session (
    id                   varchar(36)  primary key,
    kind                 varchar(10)  not null,
    listing_id           varchar(36)  not null references listing (id),
    provider_household   varchar(36)  not null references household (id),
    provider_resident    varchar(36)  not null references resident (id),
    receiver_household   varchar(36)  not null references household (id),
    receiver_resident    varchar(36)  not null references resident (id),
    starts_at            timestamp with time zone not null,
    ends_at              timestamp with time zone not null,
    minutes              integer      not null,
    children             integer,
    status               varchar(10)  not null,
    transfer_id          varchar(36)  references tb_transfer (id),
    provider_minutes     integer,
    receiver_minutes     integer,
    no_show              varchar(10),
    reported_by          varchar(36)  references resident (id),
    dispute_reason       varchar(500),
    settled_by           varchar(36)  references resident (id),
    settle_reason        varchar(500),
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              bigint       not null,
    constraint tb_session_times_check check (ends_at > starts_at and minutes > 0)
);
create index tb_session_provider_idx on tb_session (provider_household, starts_at);
create index tb_session_receiver_idx on tb_session (receiver_household, starts_at);
create index tb_session_sitter_idx on tb_session (provider_resident, status, starts_at);
create index tb_session_status_idx on tb_session (status, ends_at);

-- What the sitter needs to know for one session. Only that sitter and the family read it; it is
-- erased when the session is settled, or soon after it ends. Never indexed, logged or reported.
create table tb_care_note (
    session_id         varchar(36)   primary key references tb_session (id),
    emergency_contact  varchar(200),
    allergies          varchar(500),
    children_names     varchar(200),
    written_at         timestamp with time zone not null
);
