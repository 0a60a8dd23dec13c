-- Ops' audited force-release of a site's lock: who released which RMA's lock, when and why.
create table lock_force_release (
    id            bigserial primary key,
    serial_number varchar(64)  not null,
    rma_number    varchar(64)  not null,
    released_by   varchar(200) not null,
    released_at   timestamptz  not null,
    reason        varchar(500) not null
);

create index lock_force_release_by_site on lock_force_release (serial_number, released_at desc);
