-- One shipment per RMA (the RMA number is the key, so a replayed authorization cannot make a
-- second one), with the partner and appliance it belongs to for owner-only reads.
create table shipment (
    rma_number                  varchar(64)  primary key,
    partner_id                  varchar(100) not null,
    serial_number               varchar(100) not null,
    service_level               varchar(20)  not null,
    status                      varchar(20)  not null,
    origin_type                 varchar(20)  not null,
    origin_id                   varchar(100) not null,
    ship_to_line1               varchar(200) not null,
    ship_to_line2               varchar(200),
    ship_to_city                varchar(200) not null,
    ship_to_region              varchar(200),
    ship_to_postal_code         varchar(40)  not null,
    ship_to_country             varchar(2)   not null,
    ship_to_latitude            double precision,
    ship_to_longitude           double precision,
    export_certificate_required boolean      not null,
    carrier                     varchar(100),
    tracking_number             varchar(100),
    created_at                  timestamptz  not null,
    shipped_at                  timestamptz,
    delivered_at                timestamptz,
    version                     bigint       not null default 0
);
-- lists are newest first, optionally for one status
create index shipment_newest on shipment (created_at desc, rma_number desc);
create index shipment_status_newest on shipment (status, created_at desc, rma_number desc);

-- Every status the shipment took, in order.
create table shipment_history (
    rma_number varchar(64) not null references shipment (rma_number),
    position   integer     not null,
    status     varchar(20) not null,
    at         timestamptz not null,
    primary key (rma_number, position)
);
