-- Automatic checks of listings (capability: moderation): words and categories staff keep, in any of
-- the city's languages. A listing whose title or description holds one of the words, or whose
-- category is one of them, goes to the staff queue instead of being published.
create table prohibited_term (
    id          varchar(36)   primary key,
    term        varchar(100),
    category    varchar(60),
    added_by    varchar(36)   not null references resident (id),
    added_at    timestamp with time zone not null,
    constraint prohibited_term_unique unique (term, category),
    constraint prohibited_term_what check (term is not null or category is not null)
);
