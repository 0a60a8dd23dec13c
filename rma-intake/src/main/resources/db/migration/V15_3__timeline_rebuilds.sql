-- The timeline rebuilds ops started (POST /api/v1/timeline/rebuild, run in the background): what
-- GET /api/v1/timeline/rebuild answers on every replica, and at most one running at a time (the
-- partial unique index: a second start finds the running row). A row is small and written once per
-- rebuild; none is purged.
create table timeline_rebuild (
    seq         bigint        generated always as identity primary key,
    id          uuid          not null unique,
    state       varchar(16)   not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    started_at  timestamptz   not null,
    finished_at timestamptz,
    records     integer,
    entries     integer,
    error       varchar(1000)
);
create unique index timeline_rebuild_one_running on timeline_rebuild (state) where state = 'RUNNING';
