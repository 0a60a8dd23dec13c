-- Per RMA and endpoint, deliveries go out in the order the steps happened (the timeline entry's
-- "at"), then of arrival: steps of different services about one RMA can arrive in either order
-- (rma.closed, caused by shipment.delivered, travels another topic).
alter table webhook_delivery add column event_at timestamptz;
update webhook_delivery set event_at = created_at;
alter table webhook_delivery alter column event_at set not null;
drop index webhook_delivery_lane;
create index webhook_delivery_lane on webhook_delivery (endpoint_id, rma_number, event_at, seq)
    where status = 'PENDING';

-- Retention of the timeline and of the webhook history (PurgeTimeline, PurgeWebhookHistory).
create index webhook_delivery_finished on webhook_delivery (finished_at)
    where status in ('DELIVERED', 'PARKED');
create index webhook_attempt_at on webhook_attempt (attempted_at);
create index rma_closed_at on rma (closed_at) where status = 'CLOSED';
create index rma_cancelled_at on rma (cancelled_at) where status = 'CANCELLED';
