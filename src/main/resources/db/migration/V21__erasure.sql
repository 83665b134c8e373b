-- A resident's erasure (their right to be forgotten): what they asked and when. Their row stays,
-- pseudonymised ("Erased resident"), because the ledger, loans and the audit trail point to it;
-- everything that said who they were is gone. The Keycloak account is deleted after the erasure
-- commits; while Keycloak cannot be reached its deletion is PENDING and retried
-- (keycloak_subject is kept until then: an id, not a name).
alter table resident add column erased_at timestamp with time zone;

create table erasure (
    resident_id        varchar(36)   primary key references resident (id),
    requested_by       varchar(36)   not null references resident (id),
    on_behalf          boolean       not null,
    reason             varchar(500),
    erased_at          timestamp with time zone not null,
    keycloak_subject   varchar(255),
    keycloak_status    varchar(14)   not null,
    keycloak_attempts  integer       not null,
    keycloak_done_at   timestamp with time zone,
    version            bigint        not null
);
create index erasure_keycloak_idx on erasure (keycloak_status);
