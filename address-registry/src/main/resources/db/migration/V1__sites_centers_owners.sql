-- address-registry: service centers, appliance owners (from rma.entitlements), sites with locks.

create table service_center (
    id                   varchar(64)      primary key,
    name                 varchar(200)     not null,
    country              char(2)          not null,
    latitude             double precision not null,
    longitude            double precision not null,
    active_from          timestamptz      not null,
    -- true once the sites of its country were re-evaluated with this center active
    activation_announced boolean          not null
);
create index service_center_country on service_center (country);
create index service_center_unannounced on service_center (active_from) where not activation_announced;

-- Who owns an appliance, as rma-intake's latest entitlement change says.
create table appliance_owner (
    serial_number varchar(64) primary key,
    partner_id    varchar(64) not null,
    changed_at    timestamptz not null
);

-- One row per registered address. The lock lives on the same row, so a change and a lock of the
-- same site serialize on its row lock. gp_* is the Gold Plus decision last published; lock_gp_* the
-- decision the lock holder was answered with.
create table site (
    serial_number            varchar(64)      primary key,
    line1                    varchar(200)     not null,
    line2                    varchar(200),
    city                     varchar(100)     not null,
    region                   varchar(100),
    postal_code              varchar(20)      not null,
    country                  char(2)          not null,
    latitude                 double precision not null,
    longitude                double precision not null,
    version                  bigint           not null check (version >= 1),
    updated_at               timestamptz      not null,

    gp_eligible              boolean          not null,
    gp_service_center_id     varchar(64),
    gp_distance_miles        double precision,
    gp_reason                varchar(40),
    gp_effective_from        timestamptz,

    lock_rma_number          varchar(64),
    locked_at                timestamptz,
    lock_version             bigint,
    lock_gp_eligible         boolean,
    lock_gp_service_center_id varchar(64),
    lock_gp_distance_miles   double precision,
    lock_gp_reason           varchar(40),
    lock_gp_effective_from   timestamptz,
    check ((lock_rma_number is null) = (locked_at is null)),
    check ((lock_rma_number is null) = (lock_version is null)),
    check ((lock_rma_number is null) = (lock_gp_eligible is null))
);
create index site_country on site (country);
create index site_lock_rma_number on site (lock_rma_number) where lock_rma_number is not null;
