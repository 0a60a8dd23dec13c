-- The RMA's SLA follows sla-monitor's clock (sla.deadline-changed.v1 on sla.clocks): the deadline
-- is null while the clock is paused (an export hold), and the moment of the last announcement
-- applied lets an older one that arrives late be ignored.
alter table rma alter column sla_due_at drop not null;
alter table rma add column sla_changed_at timestamptz;
