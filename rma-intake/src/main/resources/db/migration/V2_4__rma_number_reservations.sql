-- A Gold Plus request reserves its RMA number under its idempotency key, committed before the
-- registry is asked to lock the site for that number. A retry with the same key reuses the number
-- (the registry's lock is idempotent per RMA number); the lock reconciler gives up on reservations
-- that never became an RMA and announces it, so the registry releases their lock.
--   PENDING   reserved, the RMA is not stored (yet)
--   COMMITTED the RMA with this number is stored (in the same transaction as this status)
--   ABANDONED given up by the reconciler; a retry with the same key starts over with a new number
create table rma_reservation (
    rma_number     varchar(32)  primary key,
    partner_id     varchar(64)  not null,
    idem_key       varchar(200) not null,
    request_hash   char(64)     not null,
    serial_number  varchar(64)  not null,
    status         varchar(16)  not null,
    reserved_at    timestamptz  not null,
    settled_at     timestamptz
);

-- at most one live (not abandoned) reservation per partner and key
create unique index rma_reservation_live_key on rma_reservation (partner_id, idem_key)
    where status <> 'ABANDONED';
-- the reconciler's work list
create index rma_reservation_pending on rma_reservation (reserved_at) where status = 'PENDING';
