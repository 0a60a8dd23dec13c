-- Calendar changes by ops (issue 16). The shipped calendars stay the base; the closures declared
-- here are laid over them. Every change is numbered (change_no, also the calendar's version on
-- sla.calendars) and kept with who, when and why.
create table calendar_closure (
    calendar_id varchar(64)  not null,
    day         date         not null,
    reason      varchar(200) not null,
    change_no   bigint       not null,
    primary key (calendar_id, day)
);

create table calendar_change (
    change_no    bigserial    primary key,
    calendar_id  varchar(64)  not null,
    action       varchar(16)  not null,
    day          date         not null,
    reason       varchar(200) not null,
    changed_by   varchar(200) not null,
    changed_at   timestamptz  not null,
    clocks_moved integer,
    repaired_at  timestamptz
);
create index calendar_change_by_calendar on calendar_change (calendar_id, change_no desc);
create index calendar_change_unrepaired on calendar_change (change_no) where repaired_at is null;

-- SLA repair: the number of the last calendar change a clock was repaired for (each change
-- repairs each clock once, also after a crash mid-way); the open clocks of a calendar by deadline.
alter table sla_clock add column calendar_change_no bigint not null default 0;
create index sla_clock_live_by_calendar on sla_clock (calendar_id, due_at)
    where state in ('RUNNING', 'AT_RISK');

-- Compliance reports: the partner of the RMA (from rma.authorized.v1), and one covering index on
-- the start so that a report reads the index only.
alter table sla_clock add column partner_id varchar(64);
create index sla_clock_report on sla_clock (started_at)
    include (service_level, partner_id, calendar_id, target, state, due_at, stopped_at, late_by_seconds);

-- Re-judging of finished clocks asked for by ops (POST /api/v1/slas/repair), audited.
create table sla_repair (
    id              bigserial    primary key,
    from_day        date         not null,
    to_day          date         not null,
    reason          varchar(200) not null,
    requested_by    varchar(200) not null,
    requested_at    timestamptz  not null,
    clocks_checked  integer      not null,
    deadlines_moved integer      not null,
    met_to_breached integer      not null,
    breached_to_met integer      not null
);
