-- A calendar change covers a range of days (ops close a typhoon week in one change): its last day,
-- the first day being "day". Changes recorded before this one were of one day.
alter table calendar_change add column last_day date;
update calendar_change set last_day = day;
alter table calendar_change alter column last_day set not null;
alter table calendar_change add constraint calendar_change_range check (last_day >= day);
