-- rma-intake owns entitlements, RMAs, RMA numbers and idempotency keys.

create table entitlement (
    serial_number          varchar(64)  primary key,
    partner_id             varchar(64)  not null,
    customer_id            varchar(64)  not null,
    product_model          varchar(200) not null,
    maintenance_level      varchar(16)  not null,
    contract_start         date         not null,
    contract_end           date         not null,
    hardware_ship_date     date         not null,
    end_of_life_date       date,
    extended_support_until date,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null
);

-- RMA numbers: RMA-<Tokyo year>-<this sequence, zero-padded to 6 digits>. Never reset, so a
-- number is unique whatever the year; gaps appear when a request fails after taking one.
create sequence rma_number_seq start with 1 increment by 1;

create table rma (
    rma_number            varchar(32)   primary key,
    serial_number         varchar(64)   not null,
    partner_id            varchar(64)   not null,
    component             varchar(32)   not null,
    fault_description     text          not null,
    contact_name          varchar(200),
    contact_phone         varchar(64),
    contact_email         varchar(320),
    status                varchar(16)   not null,
    requested_level       varchar(16)   not null,
    service_level         varchar(16)   not null,
    downgrade_reason      varchar(32),
    requested_at          timestamptz   not null,
    authorized_at         timestamptz,
    issues_at             timestamptz,
    sla_target            varchar(16)   not null,
    sla_due_at            timestamptz   not null,
    ship_to_line1         varchar(200)  not null,
    ship_to_line2         varchar(200),
    ship_to_city          varchar(200)  not null,
    ship_to_region        varchar(200),
    ship_to_postal_code   varchar(64)   not null,
    ship_to_country       char(2)       not null,
    ship_to_latitude      double precision,
    ship_to_longitude     double precision,
    address_version       integer,
    service_center_id     varchar(64),
    shipped_at            timestamptz,
    delivered_at          timestamptz,
    closed_at             timestamptz,
    cancelled_at          timestamptz
);

-- One open RMA per appliance, enforced by the database whatever the concurrency.
create unique index rma_one_open_per_appliance on rma (serial_number)
    where status in ('QUEUED', 'AUTHORIZED', 'SHIPPED', 'DELIVERED');
create index rma_newest_first on rma (requested_at desc, rma_number desc);
create index rma_by_partner on rma (partner_id, requested_at desc);
create index rma_by_serial on rma (serial_number, requested_at desc);
-- the issuing scheduler's work list
create index rma_queued_due on rma (issues_at) where status = 'QUEUED';

-- Idempotency keys are scoped per partner. request_hash is the SHA-256 of the canonical request;
-- first_answer is the RMA exactly as the first 201 answered it, replayed verbatim.
create table idempotency_key (
    partner_id    varchar(64)  not null,
    idem_key      varchar(200) not null,
    request_hash  char(64)     not null,
    rma_number    varchar(32)  not null references rma (rma_number),
    first_answer  text         not null,
    created_at    timestamptz  not null,
    primary key (partner_id, idem_key)
);
