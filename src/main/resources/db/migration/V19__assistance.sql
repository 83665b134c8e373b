-- Assisted use (capability: residents). A resident without a smartphone asks staff at a community
-- centre to act for them: staff record the resident's consent, for a limited time; while it holds,
-- that staff member may send requests "on behalf of" the resident, and every record those requests
-- write to the audit trail names the staff member in on_behalf_by.
create table assistance_consent (
    id           varchar(36)   primary key,
    resident_id  varchar(36)   not null references resident (id),
    staff_id     varchar(36)   not null references resident (id),
    reason       varchar(500)  not null,
    granted_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    ended_at     timestamp with time zone,
    constraint assistance_consent_not_self check (resident_id <> staff_id)
);
create index assistance_consent_active_idx on assistance_consent (resident_id, staff_id, expires_at);

alter table audit_record add column on_behalf_by varchar(36);
