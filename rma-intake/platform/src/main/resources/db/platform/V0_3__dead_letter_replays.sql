-- Dead letters replayed by ops (GET/POST /api/v1/ops/dead-letters): one row per dead-letter
-- record put back on its original topic through the outbox. The record is named by its place in
-- the dead-letter topic and by its CloudEvent id, so a topic recreated from offset 0 (a wiped
-- local broker) does not make new dead letters look replayed.
create table dead_letter_replay (
    dlq_topic     varchar(249) not null,
    dlq_partition integer      not null,
    dlq_offset    bigint       not null,
    ce_id         varchar(200) not null,
    ce_source     varchar(200) not null,
    outbox_id     uuid         not null,
    replayed_at   timestamptz  not null,
    replayed_by   varchar(200),
    primary key (dlq_topic, dlq_partition, dlq_offset, ce_id)
);
create index dead_letter_replay_event on dead_letter_replay (dlq_topic, ce_source, ce_id);
