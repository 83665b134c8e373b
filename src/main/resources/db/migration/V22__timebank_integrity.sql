-- The time bank holds against its own users (docs/decisions/0008-minutes-follow-people.md).

-- The welcome grant is a resident's, once ever, and only once their residency is verified: the
-- transfer that paid it. Kept when the resident is erased (the fact, not the identity).
alter table resident add column welcome_transfer_id varchar(36);
-- Before, each household's account opened with a grant: it counts as the welcome of everyone who
-- was in that household (its members now, and whoever started or joined it, by the audit trail).
update resident set welcome_transfer_id = (
    select min(t.id) from tb_transfer t join tb_account a on a.id = t.to_account
    where t.kind = 'WELCOME' and (a.household_id = resident.household_id or a.household_id in (
        select r.target_id from audit_record r where r.actor_id = resident.id and r.target_type = 'household'
        and r.action in ('household.started', 'household.joined'))))
where welcome_transfer_id is null;

-- A household's account closes with the household: nothing is paid into or out of it any more.
-- (Households dissolved before this rule are settled at start-up by LedgerRepair, in Java,
-- because it goes through the ledger.)
alter table tb_account add column closed_at timestamp with time zone;

-- A no-show is a claim: the other side confirms or disputes it before answer_by; after that it stands.
alter table tb_session alter column status type varchar(20);
alter table tb_session add column answer_by timestamp with time zone;
create index tb_session_answer_idx on tb_session (status, answer_by);

-- Idempotency keys belong to a scope: the paying account, or the staff member who grants from the
-- pot (each their own). Kept for TIMEBANK_IDEMPOTENCY_DAYS, then purged.
alter table tb_idempotency rename column account_id to scope;
create index tb_idempotency_created_idx on tb_idempotency (created_at);

-- What an import would change on the books beyond what one person may do alone: it waits for a
-- second person (platform/imports ImportApprovals). Also the register of the minutes imports
-- brought into circulation from the MIGRATION account: AUTO rows went in at once.
-- kind: BALANCE, TRANSFER or EMAIL. payload: what to do when approved (JSON). account_id: the
-- account the record pays into, from_account_id the one it takes from (null for a balance, whose
-- minutes are signed: negative takes from account_id); household_id: the household it credits (an
-- approver of that household may not approve it). minutes: what moves (0 for EMAIL);
-- migration_minutes: what leaves the MIGRATION account (negative: goes into it).
-- status: AUTO (under the allowance, posted at once), PENDING, APPROVED or REJECTED.
create table import_approval (
    id                 varchar(36)   primary key,
    batch_id           varchar(36)   not null,
    source             varchar(60)   not null,
    kind               varchar(10)   not null,
    external_id        varchar(200)  not null,
    source_line        integer       not null,
    payload            varchar(4000) not null,
    account_id         varchar(36),
    from_account_id    varchar(36),
    household_id       varchar(36),
    minutes            bigint        not null,
    migration_minutes  bigint        not null,
    why                varchar(500),
    status             varchar(10)   not null,
    requested_by       varchar(36)   not null references resident (id),
    requested_at       timestamp with time zone not null,
    decided_by         varchar(36)   references resident (id),
    decided_at         timestamp with time zone,
    decision_reason    varchar(500),
    transfer_id        varchar(36),
    version            bigint        not null
);
create index import_approval_batch_idx on import_approval (batch_id);
create index import_approval_status_idx on import_approval (status, requested_by, requested_at);
create index import_approval_record_idx on import_approval (source, kind, external_id, status);

-- Each welcome grant names the resident it welcomed (the ledger check counts one per resident).
-- A household's grant from before names the first resident who was welcomed by it.
insert into tb_transfer_note (transfer_id, by_resident, memo, listing_id)
select t.id, (select min(r.id) from resident r where r.welcome_transfer_id = t.id),
       'household welcome (before decision 0008)', null
from tb_transfer t where t.kind = 'WELCOME' and not exists (select 1 from tb_transfer_note n where n.transfer_id = t.id);
