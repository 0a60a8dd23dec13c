-- Shared by every service: events leave through the outbox, arrive through processed_event.

-- Written in the same transaction as the state change it announces; the relay sends rows in
-- seq order and stamps published_at once the broker has acknowledged them.
create table outbox_event (
    seq          bigserial    primary key,
    id           uuid         not null unique,
    topic        varchar(200) not null,
    record_key   varchar(200) not null,
    type         varchar(200) not null,
    source       varchar(200) not null,
    payload      text         not null,
    occurred_at  timestamptz  not null,
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- One row per CloudEvent already applied (source + id), inserted in the effect's transaction.
create table processed_event (
    source       varchar(200) not null,
    id           varchar(200) not null,
    type         varchar(200) not null,
    processed_at timestamptz  not null,
    primary key (source, id)
);
