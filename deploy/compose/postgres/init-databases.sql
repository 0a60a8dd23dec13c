-- Runs once, when the postgres container starts on an empty data volume: one database per
-- service, owned by the stack's user (POSTGRES_USER).
CREATE DATABASE rma_intake;
CREATE DATABASE address_registry;
CREATE DATABASE rma_dispatch;
CREATE DATABASE sla_monitor;
