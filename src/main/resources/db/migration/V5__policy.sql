-- The platform's policy values (capability: platform/policy): limits and periods the services
-- read, each with the moment it takes effect. A new value is a new row; rows are never updated, so
-- the history of every rule stays readable. The council issue lets councils add rows by vote.
create table policy_value (
    policy_key      varchar(60)   not null,
    effective_from  timestamp with time zone not null,
    policy_value    varchar(60)   not null,
    decided_by      varchar(120)  not null,
    reason          varchar(500),
    recorded_at     timestamp with time zone not null,
    constraint policy_value_pk primary key (policy_key, effective_from)
);
