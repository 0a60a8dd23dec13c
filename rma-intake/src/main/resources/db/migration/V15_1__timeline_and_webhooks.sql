-- Issue 15: the RMA timeline (a projection of the topics) and partners' webhooks.

-- One row per step of an RMA, from one CloudEvent (event_source + event_id; part: one event may
-- give several steps). The unique key makes the projection idempotent; seq is the order of
-- arrival (ties of "at"), kept by a rebuild.
create table timeline_entry (
    seq          bigserial    primary key,
    rma_number   varchar(64)  not null,
    event_source varchar(200) not null,
    event_id     varchar(200) not null,
    part         integer      not null,
    type         varchar(64)  not null,
    source       varchar(200) not null,
    at           timestamptz  not null,
    recorded_at  timestamptz  not null,
    summary      varchar(1000) not null,
    details      text         not null,
    unique (event_source, event_id, part)
);
create index timeline_entry_rma on timeline_entry (rma_number, at, seq);

create table webhook_endpoint (
    id                   uuid          primary key,
    partner_id           varchar(64)   not null,
    url                  varchar(2000) not null,
    secret               varchar(256)  not null,
    event_types          text          not null,
    state                varchar(16)   not null,
    paused_reason        varchar(1000),
    paused_at            timestamptz,
    consecutive_failures integer       not null default 0,
    failing_since        timestamptz,
    created_at           timestamptz   not null
);
create index webhook_endpoint_partner on webhook_endpoint (partner_id);

-- The webhook outbox: written in the transaction of the timeline entry it announces. Per RMA and
-- endpoint, only the oldest PENDING row (by seq) is ever attempted.
create table webhook_delivery (
    id              uuid          primary key,
    seq             bigserial     not null unique,
    endpoint_id     uuid          not null references webhook_endpoint (id) on delete cascade,
    rma_number      varchar(64)   not null,
    event_id        varchar(200)  not null,
    event_type      varchar(64)   not null,
    payload         text          not null,
    status          varchar(16)   not null,
    attempts        integer       not null default 0,
    created_at      timestamptz   not null,
    deadline_at     timestamptz   not null,
    next_attempt_at timestamptz,
    finished_at     timestamptz,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_lane on webhook_delivery (endpoint_id, rma_number, seq)
    where status = 'PENDING';

-- Every attempt, for GET /api/v1/webhooks/{id}/deliveries.
create table webhook_attempt (
    id           bigserial     primary key,
    endpoint_id  uuid          not null references webhook_endpoint (id) on delete cascade,
    delivery_id  uuid          not null references webhook_delivery (id) on delete cascade,
    event_id     varchar(200)  not null,
    event_type   varchar(64)   not null,
    attempt      integer       not null,
    attempted_at timestamptz   not null,
    status_code  integer,
    duration_ms  bigint        not null,
    error        varchar(1000),
    outcome      varchar(16)   not null,
    next_retry_at timestamptz
);
create index webhook_attempt_endpoint on webhook_attempt (endpoint_id, id desc);
