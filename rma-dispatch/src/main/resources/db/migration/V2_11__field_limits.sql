-- One set of field limits across the services (rma-platform FieldLimits): intake accepts a postal
-- code of 64 characters, so dispatch stores as much (it stored 40 and dead-lettered longer ones).
alter table shipment alter column ship_to_postal_code type varchar(64);
