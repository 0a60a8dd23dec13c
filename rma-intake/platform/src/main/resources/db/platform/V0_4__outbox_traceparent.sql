-- The W3C traceparent of the transaction that wrote the row (null when none was traced): the relay
-- sends it as the record's traceparent header, so consumers continue the same trace.
alter table outbox_event add column traceparent varchar(55);
