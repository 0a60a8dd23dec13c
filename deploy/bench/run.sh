#!/usr/bin/env bash
# The benchmark: every figure beside a baseline measured in the same run (deploy/bench/README.md).
#
#   deploy/bench/run.sh [--quick] [PART...]     parts: intake pipeline consume monitor e2e startup
#
# Runs against the local stack (starts it with `stack.sh up` if it is not up, rate limit off).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(cd "$HERE/../.." && pwd -P)"
STACK="$ROOT/deploy/local/stack.sh"
KAFKA_LIB="$ROOT/deploy/local/.run/kafka/lib"
WORK="$HERE/.run"
JAVA="${JAVA:-java}"
PARTS=(intake pipeline consume monitor e2e startup)
SERVICES=(rma-intake address-registry rma-dispatch sla-monitor)
export RMA_RATE_LIMIT_ENABLED=false

log() { printf '%s [bench] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 2
}

# shellcheck disable=SC1091
[[ -f $ROOT/deploy/local/.run/state/ports.env ]] && source "$ROOT/deploy/local/.run/state/ports.env"
: "${PG_PORT:=5432}" "${KAFKA_PORT:=9092}" "${RMA_INTAKE_PORT:=8081}"
export KAFKA_PORT RMA_INTAKE_PORT

port_of() {
  case $1 in
    rma-intake) echo "${RMA_INTAKE_PORT:-8081}" ;;
    address-registry) echo "${ADDRESS_REGISTRY_PORT:-8082}" ;;
    rma-dispatch) echo "${RMA_DISPATCH_PORT:-8083}" ;;
    sla-monitor) echo "${SLA_MONITOR_PORT:-8084}" ;;
  esac
}
mgmt_port_of() {
  case $1 in
    rma-intake) echo "${RMA_INTAKE_MANAGEMENT_PORT:-9081}" ;;
    address-registry) echo "${ADDRESS_REGISTRY_MANAGEMENT_PORT:-9082}" ;;
    rma-dispatch) echo "${RMA_DISPATCH_MANAGEMENT_PORT:-9083}" ;;
    sla-monitor) echo "${SLA_MONITOR_MANAGEMENT_PORT:-9084}" ;;
  esac
}
# health is served on the management port (the packaged services' prod profile), not the API port
ready() { curl -fsS -m 1 "http://127.0.0.1:$(mgmt_port_of "$1")/q/health/ready" 2>/dev/null | grep -q '"status" *: *"UP"'; }
psql_db() { PGPASSWORD=rma psql -X -q -tA -h 127.0.0.1 -p "$PG_PORT" -U rma -d "$1" "${@:2}"; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$("$STACK" pid "$1")/status"; }
now_ms() { date +%s%3N; }

kafka_tool() {
  "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2-tools.properties" -cp "$KAFKA_LIB/*" "$@"
}
driver() {
  "$JAVA" -Xmx1g -Dtokens="$RUN/tokens" -Dlog4j2.configurationFile="$ROOT/deploy/faults/log4j2.properties" \
    -cp "$WORK/classes:$KAFKA_LIB/*" Bench "$@"
}

stop() { "$STACK" stop "$@" >&2; }
start() { "$STACK" start "$@" >&2; }
# paused (SIGSTOP), not stopped: a paused service keeps its JIT-compiled code, and catches up on what
# it missed once resumed (SIGCONT)
pause() {
  local s
  for s in "$@"; do kill -STOP "$("$STACK" pid "$s")"; done
  log "paused: $*"
}
resume() {
  local s
  for s in "$@"; do kill -CONT "$("$STACK" pid "$s")"; done
  log "resumed: $*"
}

# Discarded load before a measurement (WARM_SECONDS at WARM_RATE RMAs/s): the services' hot paths
# JIT-compiled, their pools and connections open, as in a service that has been running a while.
warm_up() {
  ((WARM_SECONDS > 0)) || return 0
  take $((WARM_RATE * WARM_SECONDS))
  log "warm-up: $(driver fixed "$WARM_RATE" "$WARM_SECONDS" "$RUN/appliances.tsv" "$FROM" "$RUN/warm.rmas")"
}

# skip TOPIC GROUP...: the stopped groups' committed offsets on TOPIC moved to its end (they skip
# the synthetic events)
skip() {
  local topic=$1 group
  shift
  for group in "$@"; do
    kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
      --group "$group" --topic "$topic" --reset-offsets --to-latest --execute >"$RUN/skip-$group.out" 2>&1 ||
      die "could not move $group past the synthetic events on $topic: $(tail -n 3 "$RUN/skip-$group.out")"
  done
}

# results: one "name value" a line, printed as the table at the end
declare -A R
put() { R[$1]=$2; printf '%s\t%s\n' "$1" "$2" >>"$RUN/results"; }

# ---------------------------------------------------------------- set-up

setup() {
  if ! "$STACK" status >/dev/null 2>&1; then
    log "stack: not (fully) up; starting it (rate limit off)"
    "$STACK" up >&2
  fi
  command -v wrk >/dev/null || {
    [[ $EUID -eq 0 ]] || die "wrk is not installed and we are not root: install the 'wrk' package"
    log "wrk: not installed; apt-get install wrk"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk; } >"$WORK/wrk-install.log" 2>&1 ||
      die "apt-get install wrk failed (log: $WORK/wrk-install.log)"
  }
  command -v pgbench >/dev/null || die "pgbench is missing (Debian: postgresql-client)"
  if [[ ! -f $WORK/classes/Bench.class || $HERE/Bench.java -nt $WORK/classes/Bench.class ]]; then
    rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
    javac -nowarn -d "$WORK/classes" -cp "$KAFKA_LIB/*" "$HERE/Bench.java" || die "Bench.java does not compile"
  fi
  mkdir -p "$RUN/tokens"
  "$STACK" token ops >"$RUN/tokens/ops"
  for p in P-1001 P-1002 P-2001; do "$STACK" token partner "$p" >"$RUN/tokens/$p"; done
  local id body ops
  ops=$(<"$RUN/tokens/ops")
  for id in SC-TYO-1 SC-SJC-1; do
    if [[ $id == SC-TYO-1 ]]; then
      body='{"name":"Tokyo Otemachi service center","country":"JP","latitude":35.6870,"longitude":139.7640,"activeFrom":"2020-04-01T00:00:00Z"}'
    else
      body='{"name":"San Jose service center","country":"US","latitude":37.3382,"longitude":-121.8863,"activeFrom":"2021-01-01T00:00:00Z"}'
    fi
    curl -fsS -m 10 -o /dev/null -X PUT "http://127.0.0.1:$(port_of address-registry)/api/v1/service-centers/$id" \
      -H "Authorization: Bearer $ops" -H 'Content-Type: application/json' -d "$body" || die "PUT service center $id failed"
  done
}

# Appliances (entitlements, Gold Plus sites) are prepared on demand, just before a measurement
# needs them, in chunks appended to $RUN/appliances.tsv (a slow machine prepares only what it can
# use); NEXT = its first unused line, PREPARED = its length.
NEXT=0 PREPARED=0 CHUNK=0
prepare() {
  local n=$1 t0=$SECONDS
  CHUNK=$((CHUNK + 1))
  log "prepare: $n appliances (entitlements and Gold Plus sites through the public API)"
  driver prepare "$n" "B$RUN_ID-$CHUNK" "$RUN/appliances-$CHUNK.tsv" || die "prepare failed"
  cat "$RUN/appliances-$CHUNK.tsv" >>"$RUN/appliances.tsv"
  PREPARED=$((PREPARED + n))
  # settled: the registry has consumed the new entitlements (their events no longer compete with
  # the measurement), at most 60 s
  driver drained $((60 + n / 20)) address-registry:rma.entitlements >/dev/null
  log "prepare: done in $((SECONDS - t0)) s"
}
take() { # take N -> FROM = the first line index of N prepared appliances; advances NEXT
  ((NEXT + $1 <= PREPARED)) || prepare $((NEXT + $1 - PREPARED))
  FROM=$NEXT
  NEXT=$((NEXT + $1))
}

# ---------------------------------------------------------------- 1. intake

part_pgbench() {
  runuser -u postgres -- psql -X -q -p "$PG_PORT" -c "select 1" >/dev/null
  runuser -u postgres -- psql -X -q -p "$PG_PORT" -tAc "select 1 from pg_database where datname = 'rma_bench'" | grep -q 1 ||
    runuser -u postgres -- psql -X -q -p "$PG_PORT" -c "create database rma_bench owner rma" >/dev/null
  psql_db rma_bench -c "create table if not exists bench_insert (id bigserial primary key, payload text not null, at timestamptz not null default now())" >/dev/null
  psql_db rma_bench -c "truncate bench_insert" >/dev/null
  echo "insert into bench_insert (payload) values ('one row');" >"$RUN/insert.sql"
  PGPASSWORD=rma pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U rma -c 8 -j 2 -T "$PG_SECONDS" -f "$RUN/insert.sql" rma_bench \
    >"$RUN/pgbench.out" 2>&1 || die "pgbench failed: $(tail -n 5 "$RUN/pgbench.out")"
  PG_TPS=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$RUN/pgbench.out" | head -n 1)
  put "pgbench one-row INSERT, 8 clients" "$(printf '%.0f TPS' "$PG_TPS")"
}

part_intake() {
  part_pgbench
  log "intake: rma-dispatch and sla-monitor paused (intake alone, the registry on the Gold Plus path)"
  pause rma-dispatch sla-monitor
  warm_up
  driver offsets "$RUN/intake.offsets"
  local c out best=0 best_c=0 line created secs rate p50 p99
  : >"$RUN/intake.rmas"
  # appliances per wrk run: four times the warm-up's rate, then three times the best rate so far
  # (preparing them costs time: R = 0.1 would need thousands; `exhausted=` says when too few)
  local per est=$((WARM_RATE * WRK_SECONDS * 4))
  for c in "${CONNS[@]}"; do
    out="$RUN/wrk-$c"
    per=$((best * WRK_SECONDS * 3 > est ? best * WRK_SECONDS * 3 : est))
    ((per <= PER_WRK)) || per=$PER_WRK
    ((per >= 300)) || per=300
    take "$per"
    sed -n "$((FROM + 1)),$((FROM + per))p" "$RUN/appliances.tsv" >"$out.tsv"
    line=$(wrk -t 2 -c "$c" -d "${WRK_SECONDS}s" --latency -s "$HERE/intake.lua" \
      "http://127.0.0.1:$RMA_INTAKE_PORT" -- "$out.tsv" "$RUN/tokens" "$out.rmas" 2 | tee "$out.txt" | grep '^wrk ')
    cat "$out.rmas".* >>"$RUN/intake.rmas" 2>/dev/null || true
    created=$(sed -n 's/.*created=\([0-9]*\).*/\1/p' <<<"$line")
    secs=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' <<<"$line")
    p50=$(sed -n 's/.* p50=\([0-9.]*\).*/\1/p' <<<"$line")
    p99=$(sed -n 's/.* p99=\([0-9.]*\).*/\1/p' <<<"$line")
    rate=$(awk -v n="$created" -v s="$secs" 'BEGIN {printf "%.0f", n / s}')
    log "intake: $c connections: $rate RMAs/s, p50 ${p50} ms, p99 ${p99} ms ($line)"
    put "intake $c connections" "$rate RMAs/s, p50 $p50 ms, p99 $p99 ms"
    grep -q 'exhausted=0' <<<"$line" || log "intake: WARNING: $c connections ran out of appliances ($per prepared)"
    if ((rate > best)); then best=$rate best_c=$c; fi
  done
  INTAKE_MAX=$best
  INTAKE_R=$(awk -v a="$best" -v b="$PG_TPS" 'BEGIN {printf "%.3f", a / b}')
  put "intake max (knee)" "$best RMAs/s at $best_c connections, R = $INTAKE_R x pgbench"
  local half=$((best / 2))
  ((half <= PER_WRK / WRK_SECONDS / 2)) || half=$((PER_WRK / WRK_SECONDS / 2))
  ((half > 0)) || half=1
  take $((half * HALF_SECONDS))
  line=$(driver fixed "$half" "$HALF_SECONDS" "$RUN/appliances.tsv" "$FROM" "$RUN/half.rmas")
  log "intake: half rate: $line"
  cut -f1 "$RUN/half.rmas" >>"$RUN/intake.rmas"
  INTAKE_HALF_P99=$(sed -n 's/.* p99=\([0-9.]*\).*/\1/p' <<<"$line")
  put "intake at half the max ($half/s)" "p50 $(sed -n 's/.* p50=\([0-9.]*\).*/\1/p' <<<"$line") ms, p99 $INTAKE_HALF_P99 ms ($(sed -n 's/.*codes=\({[^}]*}\).*/\1/p' <<<"$line"))"
  audit_intake
  resume rma-dispatch sla-monitor
  # they catch up on the intake part's RMAs before the next part measures
  driver drained 300 rma-dispatch:rma.lifecycle sla-monitor:rma.lifecycle >/dev/null
}

# every 201 has its row, and (unless QUEUED outside support hours) its rma.authorized.v1
audit_intake() {
  local total rows queued missing_ev
  sort -u "$RUN/intake.rmas" -o "$RUN/intake.rmas"
  total=$(wc -l <"$RUN/intake.rmas")
  psql_db rma_intake >"$RUN/intake.rows" <<EOF
create temp table bench_rma (n varchar(32));
\copy bench_rma from '$RUN/intake.rmas'
select r.rma_number || ' ' || r.status from rma r join bench_rma b on b.n = r.rma_number;
EOF
  rows=$(wc -l <"$RUN/intake.rows")
  queued=$(grep -c ' QUEUED$' "$RUN/intake.rows" || true)
  sleep 2 # the relay's tick
  driver authorized "$RUN/intake.offsets" | sort -u >"$RUN/intake.events"
  grep -v ' QUEUED$' "$RUN/intake.rows" | cut -d' ' -f1 | sort -u >"$RUN/intake.expected"
  missing_ev=$(comm -23 "$RUN/intake.expected" "$RUN/intake.events" | wc -l)
  AUDIT="$total 201s, $((total - rows)) without row, $missing_ev without event ($queued QUEUED)"
  put "intake audit" "$AUDIT"
}

# ---------------------------------------------------------------- 2. pipeline

part_pipeline() {
  local rate line ok drained sustained=0 missing p99
  warm_up
  for rate in "${PIPE_RATES[@]}"; do
    take $((rate * PIPE_SECONDS))
    line=$(driver fixed "$rate" "$PIPE_SECONDS" "$RUN/appliances.tsv" "$FROM" "$RUN/pipe-$rate.rmas")
    ok=$(sed -n 's/.* ok=\([0-9]*\).*/\1/p' <<<"$line")
    # drained: both consumers of rma.lifecycle at its end within a tenth of the load's time
    drained=$(driver drained $((PIPE_SECONDS / 10 + 3)) rma-dispatch:rma.lifecycle sla-monitor:rma.lifecycle |
      sed -n 's/^drained=\([01]\).*/\1/p')
    cut -f1 "$RUN/pipe-$rate.rmas" | sort -u >"$RUN/pipe-$rate.n"
    missing=$(pipeline_missing "$RUN/pipe-$rate.n")
    log "pipeline: $rate/s: $line; drained=$drained; $missing"
    put "pipeline $rate RMAs/s" "$(sed -n 's/.*codes=\({[^}]*}\).*/\1/p' <<<"$line") p99 $(sed -n 's/.* p99=\([0-9.]*\).*/\1/p' <<<"$line") ms, backlog $( ((drained)) && echo 'drained' || echo 'GROWING'), $missing"
    # intake keeps up too: requests do not queue up in front of it (p99 within PIPE_P99_MS)
    p99=$(sed -n 's/.* p99=\([0-9]*\).*/\1/p' <<<"$line")
    if ((drained)) && ((ok >= rate * PIPE_SECONDS * 95 / 100)) && ((${p99:-999999} <= PIPE_P99_MS)); then
      sustained=$rate
    else
      break
    fi
  done
  PIPELINE=$sustained
  put "pipeline sustained" "$sustained RMAs/s"
}

# RMAs (not QUEUED) without a shipment or an SLA clock, after up to 30 s
pipeline_missing() {
  local file=$1 expected ship clock t0=$SECONDS
  expected=$(psql_db rma_intake <<EOF | tail -n 1
create temp table b (n varchar(32));
\copy b from '$file'
select count(*) from rma r join b on b.n = r.rma_number where r.status <> 'QUEUED';
EOF
  )
  while :; do
    ship=$(count_in rma_dispatch shipment "$file")
    clock=$(count_in sla_monitor sla_clock "$file")
    ((ship >= expected && clock >= expected || SECONDS - t0 > 30)) && break
    sleep 1
  done
  echo "$((expected - ship)) without shipment, $((expected - clock)) without clock"
}
count_in() {
  psql_db "$1" <<EOF | tail -n 1
create temp table b (n varchar(32));
\copy b from '$3'
select count(*) from $2 x join b on b.n = x.rma_number;
EOF
}

# ---------------------------------------------------------------- 3. consume

# BENCH_JFR=1: a JFR recording (profile settings) of the service while it drains; its hot methods
# (JDK 25's `jfr view`) go to $RUN/<service>.hot
jfr_start() {
  local pid bin
  pid=$("$STACK" pid "$1")
  bin=$(dirname "$(readlink "/proc/$pid/exe")")
  "$bin/jcmd" "$pid" JFR.start name=bench settings=profile filename="$RUN/$1.jfr" >/dev/null
}
jfr_stop() {
  local pid bin jfr
  pid=$("$STACK" pid "$1")
  bin=$(dirname "$(readlink "/proc/$pid/exe")")
  "$bin/jcmd" "$pid" JFR.stop name=bench >/dev/null
  jfr=$(ls -d /usr/lib/jvm/temurin-25*/bin/jfr 2>/dev/null | head -n 1)
  [[ -n $jfr ]] && "$jfr" view --width 200 hot-methods "$RUN/$1.jfr" >"$RUN/$1.hot" 2>&1 &&
    log "consume: $1: hot methods in ${RUN#"$ROOT"/}/$1.hot"
  return 0
}

part_consume() {
  # every other consumer of rma.lifecycle stopped (intake's timeline too): each drains alone
  # rma-dispatch and sla-monitor paused (warm, as after an outage of their own), the others stopped
  log "consume: address-registry and rma-intake stopped, rma-dispatch and sla-monitor paused; $BACKLOG authorizations onto rma.lifecycle"
  stop address-registry rma-intake
  pause rma-dispatch sla-monitor
  driver backlog "$BACKLOG" "RMA-BENCH$RUN_ID" >&2
  local svc line rate c_min=""
  for svc in rma-dispatch sla-monitor; do
    resume "$svc"
    [[ -n ${BENCH_JFR:-} ]] && jfr_start "$svc"
    line=$(driver drain "$svc" rma.lifecycle "$DRAIN_MAX")
    [[ -n ${BENCH_JFR:-} ]] && jfr_stop "$svc"
    log "consume: $svc: $line"
    rate=$(sed -n 's/.* rate=\([0-9]*\).*/\1/p' <<<"$line")
    put "consume $svc (rma.lifecycle)" "$rate events/s ($(sed -n 's/.*\(consumed=[0-9]*\).*/\1/p' <<<"$line"), $(sed -n 's/.*\(remaining=[0-9]*\).*/\1/p' <<<"$line"))"
    [[ -z $c_min || $rate -lt $c_min ]] && c_min=$rate
    pause "$svc"
  done
  CONSUME=$c_min
  skip rma.lifecycle address-registry rma-intake-timeline
  # the synthetic shipments and clocks would fire alerts tomorrow: gone with the run
  psql_db sla_monitor -c "delete from sla_clock where rma_number like 'RMA-BENCH%'" >/dev/null
  resume rma-dispatch sla-monitor
  start rma-intake address-registry
}

# ---------------------------------------------------------------- 4. monitor

part_monitor() {
  log "monitor: rma-dispatch, address-registry and rma-intake stopped, sla-monitor paused; $CLOCKS open clocks through rma.lifecycle"
  stop rma-dispatch address-registry rma-intake
  pause sla-monitor
  local target line ingest rate_due from_s
  target=$(sed -n 's/^RMA_SLA_GOLD_PLUS_TARGET=//p' "$ROOT/deploy/local/.run/state/settings.env" 2>/dev/null || true)
  driver offsets "$RUN/monitor.offsets"
  driver clocks "$((CLOCKS - DUE))" 0 0 0 "RMA-BENCHM$RUN_ID" >&2
  resume sla-monitor
  line=$(driver drain sla-monitor rma.lifecycle "$INGEST_MAX")
  log "monitor: ingest: $line"
  ingest=$(sed -n 's/.* rate=\([0-9]*\).*/\1/p' <<<"$line")
  # the due clocks' deadlines start once they have all been read, and spread over the window
  from_s=$((DUE / (ingest > 0 ? ingest : 1) + 10))
  RMA_SLA_GOLD_PLUS_TARGET=${target:-PT4H} driver clocks 0 "$DUE" "$from_s" "$WINDOW" "RMA-BENCHM$RUN_ID" >&2
  driver drain sla-monitor rma.lifecycle "$INGEST_MAX" >/dev/null
  MON_RSS=$(rss_mb sla-monitor)
  line=$(driver alerts "$RUN/monitor.offsets" "RMA-BENCHM$RUN_ID-D" "$DUE" $((from_s + WINDOW + 60)))
  log "monitor: $line"
  MON_P99=$(sed -n 's/.*late_p99=\([-0-9]*\).*/\1/p' <<<"$line")
  MON_INGEST=$ingest
  put "monitor ingest ($CLOCKS clocks)" "$ingest events/s"
  put "monitor RSS with $CLOCKS open clocks" "$MON_RSS MB"
  put "monitor breach lateness ($DUE due)" "p50 $(sed -n 's/.*late_p50=\([-0-9]*\).*/\1/p' <<<"$line") ms, p99 $MON_P99 ms, max $(sed -n 's/.*late_max=\([-0-9]*\).*/\1/p' <<<"$line") ms ($(sed -n 's/.*breached=\([0-9/]*\).*/\1/p' <<<"$line") alerts)"
  skip rma.lifecycle rma-dispatch address-registry rma-intake-timeline
  # the synthetic clocks' own events (started, at risk, breached) are not the RMAs intake knows
  skip sla.clocks rma-intake rma-intake-timeline
  skip sla.alerts rma-intake-timeline
  psql_db sla_monitor -c "delete from sla_clock where rma_number like 'RMA-BENCHM%'" >/dev/null
  start rma-intake address-registry rma-dispatch
}

# ---------------------------------------------------------------- 5. e2e

part_e2e() {
  local line
  warm_up
  take $((200 * E2E_SECONDS))
  line=$(driver fixed 200 "$E2E_SECONDS" "$RUN/appliances.tsv" "$FROM" "$RUN/e2e.rmas" e2e)
  log "e2e: $line"
  E2E_P99=$(sed -n 's/.*e2e_p99=\([-0-9]*\).*/\1/p' <<<"$line")
  put "e2e at 200 RMAs/s, ${E2E_SECONDS} s" "201 -> shipment created p50 $(sed -n 's/.*e2e_p50=\([-0-9]*\).*/\1/p' <<<"$line") ms, p99 $E2E_P99 ms ($(sed -n 's/.*e2e_seen=\([0-9/]*\).*/\1/p' <<<"$line") seen; intake p99 $(sed -n 's/.* p99=\([0-9.]*\).*/\1/p' <<<"$line") ms)"
}

# ---------------------------------------------------------------- 6. startup

# starts SERVICES... (stopped) in MODE; prints "ms rss..." when all are ready
timed_start() {
  local mode=$1 t0 svc pending all_ms rss=()
  shift
  t0=$(now_ms)
  STACK_JVM=$mode "$STACK" start "$@" >"$RUN/start-$mode.log" 2>&1 &
  pending=("$@")
  while ((${#pending[@]})); do
    local still=()
    for svc in "${pending[@]}"; do ready "$svc" || still+=("$svc"); done
    pending=("${still[@]}")
    (($(now_ms) - t0 < 180000)) || die "startup: $* not ready in $mode mode"
    ((${#pending[@]})) && sleep 0.05
  done
  all_ms=$(($(now_ms) - t0))
  wait
  for svc in "$@"; do rss+=("$(rss_mb "$svc")"); done
  echo "$all_ms ${rss[*]}"
}

# true when every service has an archive of MODE newer than its jar (stack.sh uses it as it is)
archives_fresh() {
  local svc ext
  ext=$([[ $1 == aot ]] && echo aot || echo jsa)
  for svc in "${SERVICES[@]}"; do
    [[ -s $ROOT/deploy/local/.run/cds/$svc.$ext && $ROOT/deploy/local/.run/cds/$svc.$ext -nt $ROOT/$svc/target/quarkus-app/quarkus-run.jar ]] ||
      return 1
  done
}

part_startup() {
  local mode svc out best_mode="" best=999999 ms rss max_alone together idle
  stop "${SERVICES[@]}"
  for mode in "${JVM_MODES[@]}"; do
    if [[ $mode != plain ]] && ! archives_fresh "$mode"; then
      # the training run: start, a little traffic (readiness), stop -> the archive is written at exit
      timed_start "$mode" "${SERVICES[@]}" >/dev/null
      # writing the archive at exit takes a while (longer on a busy machine): no KILL meanwhile
      STACK_JVM=$mode STOP_TIMEOUT=300 stop "${SERVICES[@]}"
    fi
    max_alone=0
    rss=""
    if ((STARTUP_ALONE)); then
      for svc in "${SERVICES[@]}"; do
        read -r ms out < <(timed_start "$mode" "$svc")
        rss+="$svc $out MB, "
        ((ms > max_alone)) && max_alone=$ms
        STACK_JVM=$mode stop "$svc"
      done
    fi
    read -r together out < <(timed_start "$mode" "${SERVICES[@]}")
    log "startup: $mode: $( ((STARTUP_ALONE)) && echo "alone max $max_alone ms (RSS $rss), ")together $together ms, RSS $out MB"
    put "startup $mode" "$( ((STARTUP_ALONE)) && echo "alone max $(awk -v m="$max_alone" 'BEGIN {printf "%.1f", m / 1000}') s, ")four together $(awk -v m="$together" 'BEGIN {printf "%.1f", m / 1000}') s, RSS after start $out MB"
    if ((together < best)); then best=$together best_mode=$mode READY_MAX=$(awk -v m="$together" 'BEGIN {printf "%.1f", m / 1000}'); fi
    STACK_JVM=$mode stop "${SERVICES[@]}"
  done
  put "startup fastest" "$best_mode (STACK_JVM=$best_mode; the stack's default is ${STACK_JVM:-plain})"
  # leave the stack running as the user's default starts it
  start "${SERVICES[@]}"
}

# ---------------------------------------------------------------- main

main() {
  local quick=0 chosen=() p ok name value
  while (($#)); do
    case $1 in
      --quick) quick=1 ;;
      -h | --help)
        sed -n '2,6p' "$0"
        return 0
        ;;
      *)
        ok=0
        for p in "${PARTS[@]}"; do [[ $p == "$1" ]] && ok=1; done
        ((ok)) || die "unknown part: $1 (parts: ${PARTS[*]})"
        chosen+=("$1")
        ;;
    esac
    shift
  done
  ((${#chosen[@]})) || chosen=("${PARTS[@]}")
  if ((quick)); then
    WARM_SECONDS=10 WARM_RATE=40
    PG_SECONDS=5 CONNS=(4 16) WRK_SECONDS=4 PER_WRK=1500 HALF_SECONDS=4
    PIPE_RATES=(20 50 100 200) PIPE_SECONDS=8 PIPE_P99_MS=1000 BACKLOG=10000 DRAIN_MAX=120
    CLOCKS=${BENCH_CLOCKS:-20000} DUE=${BENCH_DUE:-2000} WINDOW=20 INGEST_MAX=120 E2E_SECONDS=8
    JVM_MODES=(plain aot) STARTUP_ALONE=0 # the four together only; each alone in the full run
  else
    WARM_SECONDS=30 WARM_RATE=50
    PG_SECONDS=15 CONNS=(4 8 16 32) WRK_SECONDS=10 PER_WRK=10000 HALF_SECONDS=20
    PIPE_RATES=(20 50 100 200 400 600 800) PIPE_SECONDS=20 PIPE_P99_MS=1000
    BACKLOG=${BENCH_BACKLOG:-100000} DRAIN_MAX=${BENCH_DRAIN_MAX:-600}
    CLOCKS=${BENCH_CLOCKS:-1000000} DUE=${BENCH_DUE:-10000} WINDOW=60 INGEST_MAX=900
    E2E_SECONDS=${BENCH_E2E_SECONDS:-60}
    read -r -a JVM_MODES <<<"${BENCH_JVM_MODES:-plain appcds aot}"
    STARTUP_ALONE=1
  fi
  RUN_ID=$(date -u +%m%d%H%M%S)
  RUN="$WORK/$RUN_ID"
  mkdir -p "$RUN"
  local started=$SECONDS
  log "run $RUN_ID ($( ((quick)) && echo quick || echo full)): ${chosen[*]}; files in ${RUN#"$ROOT"/}"
  setup
  : >"$RUN/appliances.tsv"

  PG_TPS=0 INTAKE_R=- INTAKE_HALF_P99=- PIPELINE=- CONSUME=- MON_P99=- MON_RSS=- MON_INGEST=- E2E_P99=- READY_MAX=-
  for p in "${chosen[@]}"; do
    log "---- $p"
    "part_$p"
  done

  echo
  echo "| what | figure |"
  echo "|---|---|"
  while IFS=$'\t' read -r name value; do
    printf '| %s | %s |\n' "$name" "$value"
  done <"$RUN/results"
  echo "(run $RUN_ID, $( ((quick)) && echo quick || echo full), $((SECONDS - started)) s)"
  echo "bench: intake/pg=$INTAKE_R p99=${INTAKE_HALF_P99}ms | pipeline=$PIPELINE/s | consume=$CONSUME/s | monitor late_p99=${MON_P99}ms rss=${MON_RSS}MB ingest=$MON_INGEST/s | e2e p99=${E2E_P99}ms | ready_max=${READY_MAX}s" |
    tee "$RUN/summary"
}

main "$@"
