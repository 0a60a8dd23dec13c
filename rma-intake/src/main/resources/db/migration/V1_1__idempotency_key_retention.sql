-- Idempotency keys are forgotten after rma.idempotency.retention (PurgeIdempotencyKeys): the
-- purge finds the oldest ones by this index.
create index idempotency_key_created_at on idempotency_key (created_at);
