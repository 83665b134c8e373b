-- Conversations (capability: lending): each loan and booking has a thread between the people
-- involved (borrower and lender; booker and the space's staff or owner), so they can arrange
-- things without giving out phone numbers or emails. Messages are never logged.
create table message (
    id           varchar(36)    primary key,
    thread_type  varchar(10)    not null,
    thread_id    varchar(36)    not null,
    author_id    varchar(36)    not null references resident (id),
    body         varchar(2000)  not null,
    created_at   timestamp with time zone not null
);
create index message_thread_idx on message (thread_type, thread_id, created_at);
