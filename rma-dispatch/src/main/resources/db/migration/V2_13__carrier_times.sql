-- Carrier times are checked (issue 13): a report may not be dated before the RMA's authorization
-- (kept from rma.authorized.v1; null for shipments recorded before, which are checked only against
-- the future), and each reported status keeps when dispatch received it beside occurredAt.
alter table shipment add column authorized_at timestamptz;
alter table shipment_history add column received_at timestamptz;
