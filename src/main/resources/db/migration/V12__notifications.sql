-- Notifications (capability: residents): an in-app inbox, and the outbox mail is sent from. A notification is
-- written in the same transaction as what caused it; mail goes out later, retried with backoff,
-- so a slow or failing mail server never blocks or fails the action. Residents choose immediate
-- mail, a daily digest or none, and the language of their notifications.
create table notification (
    id              varchar(36)    primary key,
    resident_id     varchar(36)    not null references resident (id),
    kind            varchar(30)    not null,
    subject         varchar(300)   not null,
    body            varchar(2000)  not null,
    link            varchar(300),
    created_at      timestamp with time zone not null,
    read_at         timestamp with time zone,
    mail_status     varchar(10)    not null,
    mail_attempts   integer        not null,
    mail_next_at    timestamp with time zone,
    mail_sent_at    timestamp with time zone,
    version         bigint         not null
);
create index notification_inbox_idx on notification (resident_id, created_at);
create index notification_mail_idx on notification (mail_status, mail_next_at);

create table notification_preference (
    resident_id     varchar(36)  primary key references resident (id),
    mail_mode       varchar(10)  not null,
    language        varchar(2)   not null,
    last_digest_at  timestamp with time zone
);
