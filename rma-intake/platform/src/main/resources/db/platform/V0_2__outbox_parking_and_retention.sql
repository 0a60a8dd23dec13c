-- Outbox rows that cannot be sent are counted and parked instead of blocking every later row;
-- published rows and processed events are purged after their retention (see the README).
-- Named 0.2 so that it sorts before every service's own V1; the kit sets flyway out-of-order so
-- that a database migrated before this file existed takes it too.

alter table outbox_event
    add column attempts   integer       not null default 0,
    add column last_error varchar(1000),
    add column parked_at  timestamptz;

-- the relay's work list and the pending gauges: neither published nor parked
drop index outbox_event_unpublished;
create index outbox_event_pending on outbox_event (seq)
    where published_at is null and parked_at is null;
-- the ops listing and the parked gauge
create index outbox_event_parked on outbox_event (seq) where parked_at is not null;
-- the purge of published rows
create index outbox_event_published on outbox_event (published_at)
    where published_at is not null;

-- the purge of processed events
create index processed_event_processed_at on processed_event (processed_at);
