-- The W3C traceparent current when the clock was stored (the RMA's authorization event): alerts that
-- time alone fires later continue that trace.
alter table sla_clock add column traceparent varchar(55);
