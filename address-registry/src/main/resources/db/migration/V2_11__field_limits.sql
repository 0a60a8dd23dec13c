-- One set of field limits across the services (rma-platform FieldLimits): city and region 200,
-- postal code 64 characters, as intake accepts them.
alter table site
    alter column city        type varchar(200),
    alter column region      type varchar(200),
    alter column postal_code type varchar(64);
