-- Extended support needs active Customer Success Services (rules §6, second round): their last day,
-- inclusive; null = none on record.
alter table entitlement add column customer_success_services_until date;
