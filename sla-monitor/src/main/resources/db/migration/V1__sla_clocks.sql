-- One SLA clock per RMA. next_fire_at is the next moment at which time alone changes the clock
-- (atRiskAt while RUNNING, dueAt while AT_RISK, null otherwise); the timer claims due rows with
-- FOR UPDATE SKIP LOCKED, so any number of replicas fire each moment exactly once.
create table sla_clock (
    rma_number      varchar(64)  primary key,
    service_level   varchar(16)  not null,
    target          varchar(16)  not null,
    calendar_id     varchar(64)  not null,
    started_at      timestamptz  not null,
    due_at          timestamptz  not null,
    at_risk_at      timestamptz  not null,
    state           varchar(16)  not null,
    paused_at       timestamptz,
    stopped_at      timestamptz,
    breached_at     timestamptz,
    late_by_seconds bigint,
    next_fire_at    timestamptz,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index sla_clock_next_fire on sla_clock (next_fire_at) where next_fire_at is not null;
create index sla_clock_state_level_due on sla_clock (state, service_level, due_at);
create index sla_clock_due on sla_clock (due_at, rma_number);

-- Shipment events that arrived before their RMA's authorization (another topic, consumed
-- independently); applied, in the order they happened, when the authorization arrives.
create table parked_shipment_event (
    seq         bigserial    primary key,
    rma_number  varchar(64)  not null,
    kind        varchar(32)  not null,
    occurred_at timestamptz  not null,
    parked_at   timestamptz  not null
);
create index parked_shipment_event_rma on parked_shipment_event (rma_number);
