-- The latest closures ops declared on each calendar (sla.calendar-changed.v1 from sla-monitor,
-- compacted topic sla.calendars): the newest version per calendar, laid over the shipped calendars
-- for the support hours and deadlines; kept so that a restart needs no replay.
create table calendar_changes (
    calendar_id varchar(64) primary key,
    version     bigint      not null,
    closures    text        not null,
    received_at timestamptz not null
);
