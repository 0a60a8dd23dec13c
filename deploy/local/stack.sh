#!/usr/bin/env bash
# The local stack without Docker: the machine's PostgreSQL, a real Apache Kafka broker
# (KRaft, from Maven Central artifacts) and the four services as plain JVM processes.
#
#   stack.sh up | down | status | logs SERVICE [-f] | token ROLE [PARTNER_ID] | seed
#            | dlq list|show|replay SERVICE [ID|--all]
#   stack.sh start|stop|restart COMPONENT... | pid COMPONENT   (single components, e.g. for fault tests)
#   stack.sh up --with-prometheus | prometheus   (Debian's Prometheus with the alert rules)
#
# Everything it makes lives in deploy/local/.run/ (git-ignored): Kafka's jars and data,
# the dev JWT key pair, logs, pid files and what `down` needs to know.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
PROG="deploy/local/stack.sh"

RUN_DIR="$SCRIPT_DIR/.run"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
STATE_DIR="$RUN_DIR/state"
KEY_DIR="$RUN_DIR/keys"
KAFKA_DIR="$RUN_DIR/kafka"
KAFKA_LIB="$KAFKA_DIR/lib"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_CONFIG="$KAFKA_DIR/server.properties"
KAFKA_POM="$SCRIPT_DIR/kafka/pom.xml"
PROM_DIR="$RUN_DIR/prometheus"
# the alert rules of the k8s observability component, the one source of them
PROM_RULES="$ROOT/deploy/k8s/components/observability/rma.rules.yml"

# Ports and timeouts: override from the environment (e.g. KAFKA_PORT=19092 stack.sh up).
: "${PG_PORT:=5432}"
: "${KAFKA_PORT:=9092}"
: "${KAFKA_CONTROLLER_PORT:=9093}"
: "${RMA_INTAKE_PORT:=8081}"
: "${ADDRESS_REGISTRY_PORT:=8082}"
: "${RMA_DISPATCH_PORT:=8083}"
: "${SLA_MONITOR_PORT:=8084}"
# health and metrics: the services' management interface (the prod profile), not the API port
: "${RMA_INTAKE_MANAGEMENT_PORT:=9081}"
: "${ADDRESS_REGISTRY_MANAGEMENT_PORT:=9082}"
: "${RMA_DISPATCH_MANAGEMENT_PORT:=9083}"
: "${SLA_MONITOR_MANAGEMENT_PORT:=9084}"
: "${PROMETHEUS_PORT:=9090}"
: "${STACK_READY_TIMEOUT:=180}"  # seconds for all four services to become ready
: "${KAFKA_READY_TIMEOUT:=90}"   # seconds for the broker to come up
: "${STOP_TIMEOUT:=30}"          # seconds between TERM and KILL
: "${STACK_SKIP_SERVICES:=0}"    # 1: `up` starts PostgreSQL and Kafka only
: "${STACK_SKIP_BUILD:=0}"       # 1: `up` runs the existing jars even if sources are newer
JAVA="${JAVA:-java}"
# How the services' JVM starts (deploy/bench measures them): plain | appcds (JDK 17's dynamic
# CDS archive) | aot (JDK 25's AOT cache, Temurin 25 when found). The first start in a mode
# without an archive for the current jar is the training run; the archive is written when that
# process exits (stop/down), and used from the next start on. Plain stays the default until the
# benchmark's start-up part has measured the others on a quiet machine (and the fault suite has run
# on them): writing an AOT cache at exit can outlast STOP_TIMEOUT.
JAVA25="${JAVA25:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -n 1)}"
: "${STACK_JVM:=plain}"

JWT_ISSUER="rma-local"
JWT_AUDIENCE="rma-api"
DB_USER="rma"
DB_PASSWORD="rma" # local development only
SERVICES=(rma-intake address-registry rma-dispatch sla-monitor)
# name:cleanup.policy (empty = the broker default, delete)
TOPICS=(
  rma.entitlements:compact
  rma.lifecycle:
  registry.sites:compact
  dispatch.shipments:
  logistics.carrier-events:
  sla.alerts:
  sla.clocks:
  sla.calendars:compact
  rma-intake.dlq:
  address-registry.dlq:
  rma-dispatch.dlq:
  sla-monitor.dlq:
)
TOPIC_PARTITIONS=3

# ---------------------------------------------------------------- small helpers

log() { printf '%s [stack] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

usage() {
  cat >&2 <<EOF
usage: $PROG COMMAND

  up [--with-prometheus]   start PostgreSQL, Kafka and the four services; wait until ready
                           (and Prometheus scraping them with the alert rules)
  prometheus               start Prometheus for a running stack (same as 'start prometheus')
  down                     stop what 'up' started
  status                   one line per component
  logs SERVICE [-f]        last 200 lines of a log (${SERVICES[*]}, kafka, build, postgresql)
  token ROLE [PARTNER_ID]  print a signed JWT (ROLE: partner|ops|logistics|customer;
                           PARTNER_ID defaults to P-1001 for partner tokens)
  seed                     load demo data through the public APIs (after up)
  dlq list SERVICE [PAGE [SIZE]]
                           the service's dead letters as a table (per partition, oldest first)
  dlq show SERVICE ID      one dead letter with its headers and value (JSON)
  dlq replay SERVICE ID|--all
                           put a dead letter (or each whose event was not replayed yet, up to
                           200 a call) back on its original topic with the same CloudEvent id
  start COMPONENT...       start components of the stack (if not running) and wait until ready
  stop COMPONENT...        stop components (services: TERM, then KILL after STOP_TIMEOUT)
  restart COMPONENT...     stop (if running), then start; COMPONENT: ${SERVICES[*]}, kafka, postgresql,
                           prometheus
  pid COMPONENT            print the pid of a running component (exit 1 if it is not running)

Ports come from PG_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, RMA_INTAKE_PORT,
ADDRESS_REGISTRY_PORT, RMA_DISPATCH_PORT, SLA_MONITOR_PORT (defaults 5432, 9092, 9093,
8081-8084), RMA_INTAKE_MANAGEMENT_PORT, ADDRESS_REGISTRY_MANAGEMENT_PORT,
RMA_DISPATCH_MANAGEMENT_PORT, SLA_MONITOR_MANAGEMENT_PORT (health and metrics, 9081-9084),
PROMETHEUS_PORT (9090). STACK_SKIP_SERVICES=1 makes 'up' start PostgreSQL and Kafka only;
STACK_SKIP_BUILD=1 makes it run the existing jars without checking the sources.
RMA_SLA_GOLD_PLUS_TARGET (e.g. PT2M) and RMA_CALENDAR_FILE (an absolute path to the operator's
business calendars, read by rma-intake and sla-monitor) given to 'up' are kept for later
start/restart.
EOF
}

is_service() {
  local s
  for s in "${SERVICES[@]}"; do [[ $s == "$1" ]] && return 0; done
  return 1
}

service_port() {
  case $1 in
    rma-intake) echo "$RMA_INTAKE_PORT" ;;
    address-registry) echo "$ADDRESS_REGISTRY_PORT" ;;
    rma-dispatch) echo "$RMA_DISPATCH_PORT" ;;
    sla-monitor) echo "$SLA_MONITOR_PORT" ;;
  esac
}

# /q/health* and /q/metrics: the management interface of the packaged (prod) services
service_management_port() {
  case $1 in
    rma-intake) echo "$RMA_INTAKE_MANAGEMENT_PORT" ;;
    address-registry) echo "$ADDRESS_REGISTRY_MANAGEMENT_PORT" ;;
    rma-dispatch) echo "$RMA_DISPATCH_MANAGEMENT_PORT" ;;
    sla-monitor) echo "$SLA_MONITOR_MANAGEMENT_PORT" ;;
  esac
}

# the variable a service reads its management port from (RMA_INTAKE_MANAGEMENT_PORT, ...)
service_management_env() {
  local name=${1//-/_}
  echo "${name^^}_MANAGEMENT_PORT"
}

service_db() { echo "${1//-/_}"; } # rma-intake -> rma_intake
service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

# A process counts as alive unless it is gone or a zombie (PID 1 in a container may not
# reap the orphans we leave behind, so `kill -0` alone is not enough).
alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# Prints the pid from a pid file if that process is alive and its command line still
# contains MARKER (guards against pid reuse); removes the file otherwise.
live_pid() {
  local file=$1 marker=$2 pid
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  if [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"; then
    echo "$pid"
    return 0
  fi
  log "removing stale pid file ${file#"$ROOT"/}"
  rm -f "$file"
  return 1
}

kafka_marker() { echo "$KAFKA_CONFIG"; }

port_open() {
  if command -v ss >/dev/null; then
    [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

port_owner() {
  local who=""
  command -v ss >/dev/null && who=$(ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:.*' | head -n1)
  echo "${who:-unknown process}"
}

# Waits until all given pids are gone; returns 1 if some are left at the deadline.
wait_gone() {
  local timeout=$1 deadline pid left
  shift
  deadline=$((SECONDS + timeout))
  while :; do
    left=0
    for pid in "$@"; do alive "$pid" && left=1; done
    ((left)) || return 0
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# TERM, wait up to TIMEOUT, then KILL.
stop_pids() {
  local timeout=$1 pid
  shift
  (($#)) || return 0
  kill -TERM "$@" 2>/dev/null || true
  if ! wait_gone "$timeout" "$@"; then
    for pid in "$@"; do
      if alive "$pid"; then
        log "pid $pid still alive after ${timeout}s: KILL"
        kill -KILL "$pid" 2>/dev/null || true
      fi
    done
    wait_gone 10 "$@" || log "WARNING: some of pids $* did not exit"
  fi
}

# Keeps the previous run's log next to the new one.
rotate_log() { [[ -f $1 ]] && mv -f "$1" "$1.1"; return 0; }

# Starts a command detached from this script (own session, survives the shell),
# stdout+stderr to LOG, pid to PIDFILE; runs in DIR.
spawn() {
  local dir=$1 logfile=$2 pidfile=$3
  shift 3
  rotate_log "$logfile"
  # exec keeps one pid: subshell -> setsid (not a group leader, so no fork) -> nohup -> java
  # 9>&-: the long-lived child must not inherit (and so hold) the stack lock
  (cd "$dir" && exec setsid nohup "$@") >"$logfile" 2>&1 </dev/null 9>&- &
  echo $! >"$pidfile"
}

# One up/down at a time. Every long-lived child is started with fd 9 closed.
lock_stack() {
  mkdir -p "$RUN_DIR"
  exec 9>"$RUN_DIR/.lock"
  flock -w 300 9 || die "another '$PROG up/down' holds $RUN_DIR/.lock"
}

# up records its ports so that down/status look at what is actually running.
save_ports() {
  mkdir -p "$STATE_DIR"
  cat >"$STATE_DIR/ports.env" <<EOF
PG_PORT=$PG_PORT
KAFKA_PORT=$KAFKA_PORT
KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT
RMA_INTAKE_PORT=$RMA_INTAKE_PORT
ADDRESS_REGISTRY_PORT=$ADDRESS_REGISTRY_PORT
RMA_DISPATCH_PORT=$RMA_DISPATCH_PORT
SLA_MONITOR_PORT=$SLA_MONITOR_PORT
RMA_INTAKE_MANAGEMENT_PORT=$RMA_INTAKE_MANAGEMENT_PORT
ADDRESS_REGISTRY_MANAGEMENT_PORT=$ADDRESS_REGISTRY_MANAGEMENT_PORT
RMA_DISPATCH_MANAGEMENT_PORT=$RMA_DISPATCH_MANAGEMENT_PORT
SLA_MONITOR_MANAGEMENT_PORT=$SLA_MONITOR_MANAGEMENT_PORT
PROMETHEUS_PORT=$PROMETHEUS_PORT
EOF
}

# Settings of the services that 'up' was given and a later start/restart must keep.
SAVED_SETTINGS=(RMA_SLA_GOLD_PLUS_TARGET RMA_CALENDAR_FILE)
save_settings() {
  local name
  mkdir -p "$STATE_DIR"
  : >"$STATE_DIR/settings.env"
  for name in "${SAVED_SETTINGS[@]}"; do
    [[ -n ${!name:-} ]] && printf '%s=%s\n' "$name" "${!name}" >>"$STATE_DIR/settings.env"
  done
  return 0
}

load_settings() {
  local f="$STATE_DIR/settings.env" line
  [[ -f $f ]] || return 0
  while IFS= read -r line; do
    [[ $line =~ ^([A-Z_]+)=([A-Za-z0-9./:_-]*)$ ]] && export "${BASH_REMATCH[1]}=${BASH_REMATCH[2]}"
  done <"$f"
  return 0
}

load_ports() {
  local f="$STATE_DIR/ports.env" line
  [[ -f $f ]] || return 0
  while IFS= read -r line; do
    [[ $line =~ ^([A-Z_]+_PORT)=([0-9]+)$ ]] && printf -v "${BASH_REMATCH[1]}" '%s' "${BASH_REMATCH[2]}"
  done <"$f"
}

# ---------------------------------------------------------------- PostgreSQL

PG_VERSION="" PG_CLUSTER="" PG_STATUS="" PG_LOGFILE=""

# Finds the packaged cluster on PG_PORT (pg_lsclusters: ver cluster port status owner dir log).
find_pg_cluster() {
  local ver name port status logfile
  PG_VERSION=""
  command -v pg_lsclusters >/dev/null || return 1
  while read -r ver name port status _ _ logfile; do
    if [[ $port == "$PG_PORT" ]]; then
      PG_VERSION=$ver PG_CLUSTER=$name PG_STATUS=$status PG_LOGFILE=$logfile
      return 0
    fi
  done < <(pg_lsclusters -h 2>/dev/null)
  return 1
}

install_postgres() {
  [[ $EUID -eq 0 ]] || die "PostgreSQL is not installed and we are not root: install the 'postgresql' package"
  log "PostgreSQL: not installed; apt-get install postgresql (log: .run/logs/postgresql-install.log)"
  if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; } \
    >"$LOG_DIR/postgresql-install.log" 2>&1 9>&-; then
    tail -n 20 "$LOG_DIR/postgresql-install.log" >&2
    die "apt-get install postgresql failed"
  fi
}

psql_admin() {
  # cd /: psql as postgres cannot read the caller's cwd otherwise and complains
  (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@")
}

ensure_postgres() {
  if ! command -v pg_ctlcluster >/dev/null || ! find_pg_cluster; then
    command -v pg_ctlcluster >/dev/null && [[ -n $(pg_lsclusters -h 2>/dev/null) ]] &&
      die "no PostgreSQL cluster on port $PG_PORT: $(pg_lsclusters -h | awk '{print $1"/"$2":"$3}' | xargs)"
    install_postgres
    find_pg_cluster || die "no PostgreSQL cluster on port $PG_PORT after installing postgresql"
  fi

  if [[ $PG_STATUS == online* ]]; then
    log "PostgreSQL $PG_VERSION/$PG_CLUSTER: already running on port $PG_PORT"
  else
    [[ $EUID -eq 0 ]] || die "PostgreSQL $PG_VERSION/$PG_CLUSTER is down and starting it needs root"
    log "PostgreSQL $PG_VERSION/$PG_CLUSTER: starting"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start 9>&- || die "pg_ctlcluster $PG_VERSION $PG_CLUSTER start failed (see $PG_LOGFILE)"
    # remembered so that `down` stops PostgreSQL only if we were the ones who started it
    mkdir -p "$STATE_DIR"
    echo "$PG_VERSION $PG_CLUSTER" >"$STATE_DIR/postgresql-started"
  fi

  local deadline=$((SECONDS + 30))
  until pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; do
    ((SECONDS < deadline)) || die "PostgreSQL is not accepting connections on 127.0.0.1:$PG_PORT"
    sleep 0.5
  done

  ensure_databases
}

ensure_databases() {
  local dbs s
  dbs=$(for s in "${SERVICES[@]}"; do service_db "$s"; done | paste -sd, -)
  if [[ $EUID -eq 0 ]]; then
    # role (password reset to the known dev value each time) and one database per service
    psql_admin -d postgres -v user="$DB_USER" -v password="$DB_PASSWORD" -v dbs="{$dbs}" <<'SQL' >/dev/null
SELECT format('CREATE ROLE %I LOGIN', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'user', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, :'user')
  FROM unnest(:'dbs'::text[]) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d) \gexec
SQL
  fi
  # the services log in with a password over TCP: check exactly that
  for s in "${SERVICES[@]}"; do
    PGPASSWORD=$DB_PASSWORD psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d "$(service_db "$s")" \
      -Atc 'select 1' >/dev/null 2>&1 ||
      die "cannot log in as $DB_USER to database $(service_db "$s") on 127.0.0.1:$PG_PORT (as root, 'up' creates them)"
  done
  log "PostgreSQL: role $DB_USER and databases ${dbs//,/, } ready on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
  local f="$STATE_DIR/postgresql-started" ver name
  if [[ ! -f $f ]]; then
    log "PostgreSQL: not started by this stack, left as it is"
    return 0
  fi
  read -r ver name <"$f"
  if pg_lsclusters -h 2>/dev/null | awk -v v="$ver" -v n="$name" '$1 == v && $2 == n && $4 ~ /^online/ {found=1} END {exit !found}'; then
    log "PostgreSQL $ver/$name: stopping (this stack started it)"
    pg_ctlcluster "$ver" "$name" stop || die "pg_ctlcluster $ver $name stop failed"
  fi
  rm -f "$f"
}

# ---------------------------------------------------------------- Kafka

# Kafka's command-line classes; small heap, fast JIT start, quiet logging on stderr.
kafka_tool() {
  "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$SCRIPT_DIR/kafka/log4j2-tools.properties" \
    -cp "$KAFKA_LIB/*" "$@"
}

# Resolves the broker's jars once (again only if kafka/pom.xml changes).
ensure_kafka_lib() {
  local want tmp
  want=$(sha256sum "$KAFKA_POM" | cut -d' ' -f1)
  [[ -f $KAFKA_LIB/.resolved && $(<"$KAFKA_LIB/.resolved") == "$want" ]] && return 0
  log "Kafka: resolving kafka_2.13/kafka-tools 4.1.2 from Maven Central into .run/kafka/lib"
  tmp="$KAFKA_DIR/lib.partial"
  rm -rf "$tmp"
  if ! (cd "$ROOT" && "$ROOT/mvnw" -q -B -f "$KAFKA_POM" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$tmp") >"$LOG_DIR/kafka-resolve.log" 2>&1; then
    tail -n 30 "$LOG_DIR/kafka-resolve.log" >&2
    die "resolving the Kafka jars failed (log: .run/logs/kafka-resolve.log)"
  fi
  echo "$want" >"$tmp/.resolved"
  rm -rf "$KAFKA_LIB"
  mv "$tmp" "$KAFKA_LIB" # whole folder at once: an interrupted download is never taken as done
}

write_kafka_config() {
  cat >"$KAFKA_CONFIG" <<EOF
# generated by deploy/local/stack.sh on every 'up' -- edit the script, not this file
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
log.dirs=$KAFKA_DATA
num.partitions=$TOPIC_PARTITIONS
# one broker: every internal topic has a single replica
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# consumers of a fresh group get their partitions at once instead of after 3 s
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
}

# Formats the KRaft storage once. The controller's address is part of the formatted
# voter set, so a changed KAFKA_CONTROLLER_PORT means a fresh (local, throw-away) log.
ensure_kafka_formatted() {
  local stamp="$KAFKA_DIR/formatted-controller-port" cluster_id
  if [[ -f $KAFKA_DATA/meta.properties ]]; then
    [[ -f $stamp && $(<"$stamp") == "$KAFKA_CONTROLLER_PORT" ]] && return 0
    log "Kafka: controller port changed to $KAFKA_CONTROLLER_PORT, reformatting the local data"
  fi
  rm -rf "$KAFKA_DATA"
  mkdir -p "$KAFKA_DATA"
  cluster_id=$(kafka_tool kafka.tools.StorageTool random-uuid | tail -n1)
  [[ $cluster_id =~ ^[A-Za-z0-9_-]{22}$ ]] || die "Kafka: unexpected cluster id '$cluster_id'"
  log "Kafka: formatting storage (cluster id $cluster_id)"
  kafka_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONFIG" --standalone >&2 ||
    die "Kafka: storage format failed"
  echo "$KAFKA_CONTROLLER_PORT" >"$stamp"
}

kafka_ready() {
  port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$LOG_DIR/kafka.log" 2>/dev/null
}

# Starts the broker if it is not running; does not wait (PostgreSQL starts meanwhile).
start_kafka() {
  local pid port
  if pid=$(live_pid "$PID_DIR/kafka.pid" "$(kafka_marker)"); then
    log "Kafka: already running (pid $pid)"
    return 0
  fi
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    port_open "$port" && die "Kafka: port $port is already in use by $(port_owner "$port")"
  done
  ensure_kafka_lib
  write_kafka_config
  ensure_kafka_formatted
  log "Kafka: starting broker on 127.0.0.1:$KAFKA_PORT (log: .run/logs/kafka.log)"
  spawn "$KAFKA_DIR" "$LOG_DIR/kafka.log" "$PID_DIR/kafka.pid" \
    "$JAVA" -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$SCRIPT_DIR/kafka/log4j2-broker.properties" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_CONFIG"
}

wait_kafka_ready() {
  local pid deadline=$((SECONDS + KAFKA_READY_TIMEOUT))
  pid=$(<"$PID_DIR/kafka.pid")
  until kafka_ready; do
    if ! alive "$pid"; then
      tail -n 40 "$LOG_DIR/kafka.log" >&2
      rm -f "$PID_DIR/kafka.pid"
      die "Kafka exited during start-up (log: $PROG logs kafka)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$LOG_DIR/kafka.log" >&2
      die "Kafka not ready after ${KAFKA_READY_TIMEOUT}s (log: $PROG logs kafka)"
    fi
    sleep 0.5
  done
  log "Kafka: ready on 127.0.0.1:$KAFKA_PORT"
}

# One broker hosts every partition, so a topic exists when its partition folders do;
# this keeps a second `up` from starting a JVM per topic just to be told "exists".
ensure_topics() {
  local entry name p missing=()
  for entry in "${TOPICS[@]}"; do
    name=${entry%%:*}
    for ((p = 0; p < TOPIC_PARTITIONS; p++)); do
      [[ -d $KAFKA_DATA/$name-$p ]] || {
        missing+=("$entry")
        break
      }
    done
  done
  if ((${#missing[@]} == 0)); then
    log "Kafka: all ${#TOPICS[@]} topics present"
    return 0
  fi
  local failed=() out="$KAFKA_DIR/topics.out"
  mkdir -p "$out"
  create_topics "$out" 2 "${missing[@]}"
  if ((${#CREATE_FAILED[@]})); then
    # a busy machine can make the broker miss the admin timeout: once more, one at a time
    log "Kafka: retrying topics ${CREATE_FAILED[*]%%:*}"
    failed=("${CREATE_FAILED[@]}")
    create_topics "$out" 1 "${failed[@]}"
  fi
  for entry in "${CREATE_FAILED[@]}"; do cat "$out/${entry%%:*}" >&2; done
  rm -rf "$out"
  ((${#CREATE_FAILED[@]} == 0)) || die "Kafka: creating topics failed: ${CREATE_FAILED[*]%%:*}"
  log "Kafka: created topics ${missing[*]%%:*}"
}

# TopicCommand creates one topic per JVM; run up to JOBS of them side by side (a 2-core
# machine gains little from more). Entries that failed are left in CREATE_FAILED.
CREATE_FAILED=()
create_topics() {
  local out=$1 jobs=$2 entry name policy args i pids=() batch=()
  shift 2
  CREATE_FAILED=()
  while (($#)); do
    pids=() batch=()
    while (($# && ${#pids[@]} < jobs)); do
      entry=$1 name=${1%%:*} policy=${1#*:}
      shift
      args=(--bootstrap-server "127.0.0.1:$KAFKA_PORT" --create --if-not-exists --topic "$name"
        --partitions "$TOPIC_PARTITIONS" --replication-factor 1)
      [[ -n $policy ]] && args+=(--config "cleanup.policy=$policy")
      kafka_tool org.apache.kafka.tools.TopicCommand "${args[@]}" >"$out/$name" 2>&1 &
      pids+=($!) batch+=("$entry")
    done
    for i in "${!pids[@]}"; do
      wait "${pids[$i]}" || CREATE_FAILED+=("${batch[$i]}")
    done
  done
}

stop_kafka() {
  local pid
  if pid=$(live_pid "$PID_DIR/kafka.pid" "$(kafka_marker)"); then
    log "Kafka: stopping pid $pid"
    stop_pids 60 "$pid" # a controlled shutdown takes a few seconds
  else
    log "Kafka: not running"
  fi
  rm -f "$PID_DIR/kafka.pid"
}

# ---------------------------------------------------------------- JWT keys

ensure_keys() {
  [[ -f $KEY_DIR/private.pem && -f $KEY_DIR/public.pem ]] && return 0
  log "JWT: generating the dev key pair in .run/keys"
  mkdir -p "$KEY_DIR"
  chmod 700 "$KEY_DIR"
  (umask 077 && openssl genrsa -out "$KEY_DIR/private.pem" 2048 2>/dev/null) || die "openssl genrsa failed"
  openssl rsa -in "$KEY_DIR/private.pem" -pubout -out "$KEY_DIR/public.pem" 2>/dev/null || die "openssl rsa -pubout failed"
}

# ---------------------------------------------------------------- build

# Prints the first input newer than the oldest service jar (or a missing jar's name).
build_reason() {
  local svc jar oldest="" dirs=() d newer
  for svc in "${SERVICES[@]}"; do
    jar=$(service_jar "$svc")
    if [[ ! -f $jar ]]; then
      echo "${jar#"$ROOT"/} is missing"
      return 0
    fi
    [[ -z $oldest || $jar -ot $oldest ]] && oldest=$jar
  done
  # main code only: a test file does not change what runs
  for d in "${SERVICES[@]/%//src/main}" contract/src/main rma-intake/platform/src/main \
    sla-monitor/business-calendar/src/main; do
    [[ -d $ROOT/$d ]] && dirs+=("$ROOT/$d")
  done
  newer=$(find "${dirs[@]}" -type f -newer "$oldest" -print -quit 2>/dev/null)
  if [[ -z $newer ]]; then
    newer=$(find "$ROOT" \( -name .git -o -name target -o -name node_modules -o -path "$SCRIPT_DIR" \) -prune \
      -o -name pom.xml -newer "$oldest" -print -quit)
  fi
  [[ -n $newer ]] && echo "${newer#"$ROOT"/} changed since the last build"
  return 0
}

ensure_build() {
  local svc reason started modules
  for svc in "${SERVICES[@]}"; do
    [[ -f $ROOT/$svc/pom.xml ]] || die "service module $svc/ does not exist yet (no $svc/pom.xml); STACK_SKIP_SERVICES=1 starts the infrastructure only"
  done
  if [[ $STACK_SKIP_BUILD == 1 ]]; then
    for svc in "${SERVICES[@]}"; do
      [[ -f $(service_jar "$svc") ]] || die "STACK_SKIP_BUILD=1 but $(service_jar "$svc") is missing"
    done
    log "build: skipped (STACK_SKIP_BUILD=1), using the existing jars"
    return 0
  fi
  reason=$(build_reason)
  if [[ -z $reason ]]; then
    log "build: service jars are up to date"
    return 0
  fi
  log "build: $reason; running ./mvnw package of the services (log: .run/logs/build.log)"
  started=$SECONDS
  modules=$(IFS=, && echo "${SERVICES[*]}")
  # Only the four services and what they depend on (-pl ... -am), without compiling or
  # running tests and without the format check: those belong to `verify`/CI, and work in
  # progress there (or in the e2e module) must not keep the stack from starting. `package`, not
  # `install`: the reactor resolves the kit and the calendar, nothing goes into ~/.m2.
  if ! (cd "$ROOT" && "$ROOT/mvnw" -q -B -Dmaven.test.skip=true -Dspotless.check.skip=true \
    -pl "$modules" -am package) >"$LOG_DIR/build.log" 2>&1; then
    tail -n 40 "$LOG_DIR/build.log" >&2
    die "build failed (full log: $PROG logs build)"
  fi
  log "build: done in $((SECONDS - started))s"
  for svc in "${SERVICES[@]}"; do
    [[ -f $(service_jar "$svc") ]] || die "build succeeded but $(service_jar "$svc") is missing"
    if live_pid "$PID_DIR/$svc.pid" "$(service_jar "$svc")" >/dev/null; then
      log "NOTE: $svc keeps running its previous build; '$PROG down && $PROG up' restarts it"
    fi
  done
}

# ---------------------------------------------------------------- services

start_service() {
  local svc=$1 port mport jar pid extra=()
  port=$(service_port "$svc")
  mport=$(service_management_port "$svc")
  jar=$(service_jar "$svc")
  if pid=$(live_pid "$PID_DIR/$svc.pid" "$jar"); then
    log "$svc: already running (pid $pid)"
    return 0
  fi
  port_open "$port" && die "$svc: port $port is already in use by $(port_owner "$port")"
  port_open "$mport" && die "$svc: management port $mport is already in use by $(port_owner "$mport")"
  log "$svc: starting on port $port, health and metrics on $mport (log: .run/logs/$svc.log)"
  if [[ $svc == rma-intake ]]; then
    extra+=(RMA_REGISTRY_URL="http://127.0.0.1:$ADDRESS_REGISTRY_PORT")
    # partners' webhook receivers may be plain http on this machine (production: https, public only)
    extra+=(RMA_WEBHOOKS_ALLOW_LOOPBACK_HTTP=true)
    # intake's own identity toward the registry's lock API (subject rma-intake, group
    # rma-service); minted at every start, re-read by intake when it changes
    (umask 077 && cmd_token rma-service >"$KEY_DIR/service-token.tmp") || die "cannot mint the service token"
    mv -f "$KEY_DIR/service-token.tmp" "$KEY_DIR/service-token"
    extra+=(RMA_SERVICE_TOKEN_FILE="$KEY_DIR/service-token")
    # the ops dashboard (sla-monitor) reads the paused webhooks from this page's origin
    extra+=(RMA_DASHBOARD_ORIGIN="http://127.0.0.1:$SLA_MONITOR_PORT,http://localhost:$SLA_MONITOR_PORT")
  fi
  if [[ $svc == sla-monitor ]]; then
    extra+=(RMA_DASHBOARD_INTAKE_URL="http://localhost:$RMA_INTAKE_PORT")
  fi
  # the services read exactly these variables; cwd .run/ keeps a stray .env in a
  # service folder from changing the local stack's configuration
  spawn "$RUN_DIR" "$LOG_DIR/$svc.log" "$PID_DIR/$svc.pid" \
    env QUARKUS_HTTP_PORT="$port" \
    "$(service_management_env "$svc")=$mport" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$(service_db "$svc")" \
    QUARKUS_DATASOURCE_USERNAME="$DB_USER" \
    QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEY_DIR/public.pem" \
    MP_JWT_VERIFY_ISSUER="$JWT_ISSUER" \
    RMA_JWT_AUDIENCE="$JWT_AUDIENCE" \
    QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    "${extra[@]}" \
    $(service_java "$svc" "$jar") -Xmx256m \
    -XX:+ExitOnOutOfMemoryError -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath="$LOG_DIR" \
    -jar "$jar"
}

# The java command and archive flags of STACK_JVM for SERVICE's JAR.
service_java() {
  local svc=$1 jar=$2 archive
  mkdir -p "$RUN_DIR/cds"
  case $STACK_JVM in
    plain) echo "$JAVA" ;;
    appcds)
      archive="$RUN_DIR/cds/$svc.jsa"
      if [[ -s $archive && $archive -nt $jar ]]; then
        echo "$JAVA -XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
      else
        rm -f "$archive"
        echo "$JAVA -XX:ArchiveClassesAtExit=$archive"
      fi
      ;;
    aot)
      [[ -n $JAVA25 ]] || die "STACK_JVM=aot needs a JDK 25 (JAVA25)"
      archive="$RUN_DIR/cds/$svc.aot"
      if [[ -s $archive && $archive -nt $jar ]]; then
        echo "$JAVA25 -XX:AOTCache=$archive -Xlog:aot=off -Xlog:cds=off"
      else
        rm -f "$archive"
        echo "$JAVA25 -XX:AOTCacheOutput=$archive"
      fi
      ;;
    *) die "STACK_JVM must be plain, appcds or aot (not $STACK_JVM)" ;;
  esac
}

service_ready() {
  local body
  body=$(curl -fsS -m 2 "http://127.0.0.1:$(service_management_port "$1")/q/health/ready" 2>/dev/null) &&
    grep -q '"status" *: *"UP"' <<<"$body"
}

wait_services_ready() {
  local deadline=$((SECONDS + STACK_READY_TIMEOUT)) started=$SECONDS svc pending=("$@") still
  while :; do
    still=()
    for svc in "${pending[@]}"; do
      if service_ready "$svc"; then
        log "$svc: ready after $((SECONDS - started))s"
      elif ! live_pid "$PID_DIR/$svc.pid" "$(service_jar "$svc")" >/dev/null; then
        tail -n 40 "$LOG_DIR/$svc.log" >&2
        die "$svc exited during start-up (log: $PROG logs $svc)"
      else
        still+=("$svc")
      fi
    done
    ((${#still[@]})) || return 0
    pending=("${still[@]}")
    if ((SECONDS >= deadline)); then
      for svc in "${pending[@]}"; do
        log "$svc: NOT READY after ${STACK_READY_TIMEOUT}s; last lines of .run/logs/$svc.log:"
        tail -n 30 "$LOG_DIR/$svc.log" >&2
      done
      die "not ready: ${pending[*]} (they are left running for inspection; '$PROG down' stops everything)"
    fi
    sleep 1
  done
}

stop_services() {
  local svc pid pids=()
  for svc in "${SERVICES[@]}"; do
    if pid=$(live_pid "$PID_DIR/$svc.pid" "$(service_jar "$svc")"); then
      log "$svc: stopping pid $pid"
      pids+=("$pid")
    fi
  done
  ((${#pids[@]})) || log "services: none running"
  stop_pids "$STOP_TIMEOUT" "${pids[@]}"
  for svc in "${SERVICES[@]}"; do rm -f "$PID_DIR/$svc.pid"; done
}

# ---------------------------------------------------------------- Prometheus (optional)

prometheus_marker() { echo "$PROM_DIR/prometheus.yml"; }

ensure_prometheus_installed() {
  command -v prometheus >/dev/null && command -v promtool >/dev/null && return 0
  [[ $EUID -eq 0 ]] || die "Prometheus is not installed and we are not root: install the 'prometheus' package"
  log "Prometheus: not installed; apt-get install prometheus (log: .run/logs/prometheus-install.log)"
  if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus; } \
    >"$LOG_DIR/prometheus-install.log" 2>&1 9>&-; then
    tail -n 20 "$LOG_DIR/prometheus-install.log" >&2
    die "apt-get install prometheus failed"
  fi
}

# One scrape job per service, named after it (the rules and the dashboard expect that), every 5 s.
write_prometheus_config() {
  local svc
  mkdir -p "$PROM_DIR/data"
  {
    cat <<EOF
# written by $PROG: the four services of the local stack and the alert rules of
# deploy/k8s/components/observability/rma.rules.yml
global:
  scrape_interval: 5s
  evaluation_interval: 5s
rule_files:
  - $PROM_RULES
scrape_configs:
EOF
    for svc in "${SERVICES[@]}"; do
      printf '  - job_name: %s\n    metrics_path: /q/metrics\n    static_configs:\n      - targets: ["127.0.0.1:%s"]\n' \
        "$svc" "$(service_management_port "$svc")"
    done
  } >"$PROM_DIR/prometheus.yml"
  promtool check config "$PROM_DIR/prometheus.yml" >"$LOG_DIR/prometheus-check.log" 2>&1 ||
    { cat "$LOG_DIR/prometheus-check.log" >&2; die "the Prometheus configuration or the rules do not check"; }
}

start_prometheus() {
  local pid deadline
  ensure_prometheus_installed
  if pid=$(live_pid "$PID_DIR/prometheus.pid" "$(prometheus_marker)" 2>/dev/null); then
    log "prometheus: already running (pid $pid)"
    return 0
  fi
  port_open "$PROMETHEUS_PORT" && die "prometheus: port $PROMETHEUS_PORT is already in use by $(port_owner "$PROMETHEUS_PORT")"
  write_prometheus_config
  log "prometheus: starting on port $PROMETHEUS_PORT (log: .run/logs/prometheus.log)"
  spawn "$RUN_DIR" "$LOG_DIR/prometheus.log" "$PID_DIR/prometheus.pid" \
    prometheus --config.file="$PROM_DIR/prometheus.yml" --storage.tsdb.path="$PROM_DIR/data" \
    --storage.tsdb.retention.time=2d --web.listen-address="127.0.0.1:$PROMETHEUS_PORT"
  deadline=$((SECONDS + 60))
  until curl -fsS -m 2 "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" >/dev/null 2>&1; do
    live_pid "$PID_DIR/prometheus.pid" "$(prometheus_marker)" >/dev/null ||
      { tail -n 20 "$LOG_DIR/prometheus.log" >&2; die "prometheus exited during start-up"; }
    ((SECONDS < deadline)) || die "prometheus not ready after 60s (log: $PROG logs prometheus)"
    sleep 1
  done
  log "prometheus: ready at http://127.0.0.1:$PROMETHEUS_PORT (alerts: /alerts)"
}

stop_prometheus() {
  local pid
  if pid=$(live_pid "$PID_DIR/prometheus.pid" "$(prometheus_marker)" 2>/dev/null); then
    log "prometheus: stopping pid $pid"
    stop_pids "$STOP_TIMEOUT" "$pid"
  fi
  rm -f "$PID_DIR/prometheus.pid"
}

# ---------------------------------------------------------------- commands

cmd_up() {
  local started=$SECONDS svc with_prometheus=0
  case ${1:-} in
    "") ;;
    --with-prometheus) with_prometheus=1 ;;
    *) die "unknown option for up: $1 (only --with-prometheus)" ;;
  esac
  lock_stack
  mkdir -p "$LOG_DIR" "$PID_DIR" "$STATE_DIR" "$KAFKA_DIR"
  save_ports
  save_settings
  start_kafka
  ensure_postgres
  ensure_keys
  wait_kafka_ready
  ensure_topics
  if [[ $STACK_SKIP_SERVICES == 1 ]]; then
    log "services: skipped (STACK_SKIP_SERVICES=1)"
  else
    ensure_build
    for svc in "${SERVICES[@]}"; do start_service "$svc"; done
    wait_services_ready "${SERVICES[@]}"
  fi
  ((with_prometheus)) && start_prometheus

  echo "Local stack is up ($((SECONDS - started))s):"
  if [[ $STACK_SKIP_SERVICES != 1 ]]; then
    for svc in "${SERVICES[@]}"; do
      printf '  %-18s http://127.0.0.1:%s\n' "$svc" "$(service_port "$svc")"
    done
  fi
  printf '  %-18s 127.0.0.1:%s\n' "kafka" "$KAFKA_PORT"
  ((with_prometheus)) && printf '  %-18s http://127.0.0.1:%s\n' "prometheus" "$PROMETHEUS_PORT"
  printf '  %-18s postgresql://%s:%s@127.0.0.1:%s/{%s}\n' "postgresql" "$DB_USER" "$DB_PASSWORD" "$PG_PORT" \
    "$(for svc in "${SERVICES[@]}"; do service_db "$svc"; done | paste -sd, -)"
  echo "  token:             $PROG token ops   (partner|ops|logistics|customer)"
}

# start|stop|restart|pid of components of a stack that 'up' started
component_usage() {
  echo "usage: $PROG $1 COMPONENT...   (COMPONENT: ${SERVICES[*]} kafka postgresql prometheus)" >&2
  exit 2
}

cmd_component() {
  local action=$1 name pid services=() pids=()
  shift
  (($#)) || component_usage "$action"
  for name in "$@"; do
    is_service "$name" || [[ $name == kafka || $name == postgresql || $name == prometheus ]] || component_usage "$action"
  done
  load_ports
  if [[ $action == pid ]]; then
    (($# == 1)) || component_usage pid
    case $1 in
      kafka) live_pid "$PID_DIR/kafka.pid" "$(kafka_marker)" 2>/dev/null ;;
      prometheus) live_pid "$PID_DIR/prometheus.pid" "$(prometheus_marker)" 2>/dev/null ;;
      postgresql)
        find_pg_cluster && [[ $PG_STATUS == online* ]] &&
          head -n1 "/var/run/postgresql/$PG_VERSION-$PG_CLUSTER.pid" 2>/dev/null
        ;;
      *) live_pid "$PID_DIR/$1.pid" "$(service_jar "$1")" 2>/dev/null ;;
    esac
    return
  fi
  lock_stack
  load_settings
  if [[ $action == stop || $action == restart ]]; then
    for name in "$@"; do
      case $name in
        kafka) stop_kafka ;;
        prometheus) stop_prometheus ;;
        postgresql)
          find_pg_cluster || die "no PostgreSQL cluster on port $PG_PORT"
          if [[ $PG_STATUS == online* ]]; then
            log "PostgreSQL $PG_VERSION/$PG_CLUSTER: stopping"
            pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop -m fast 9>&- || die "pg_ctlcluster stop failed"
          fi
          ;;
        *)
          if pid=$(live_pid "$PID_DIR/$name.pid" "$(service_jar "$name")"); then
            log "$name: stopping pid $pid"
            pids+=("$pid")
          fi
          ;;
      esac
    done
    stop_pids "$STOP_TIMEOUT" "${pids[@]}" # the services side by side
    for name in "$@"; do is_service "$name" && rm -f "$PID_DIR/$name.pid"; done
  fi
  if [[ $action == start || $action == restart ]]; then
    for name in "$@"; do
      case $name in
        kafka)
          start_kafka
          wait_kafka_ready
          ;;
        postgresql) ensure_postgres ;;
        prometheus) start_prometheus ;;
        *)
          start_service "$name"
          services+=("$name")
          ;;
      esac
    done
    ((${#services[@]} == 0)) || wait_services_ready "${services[@]}"
  fi
}

cmd_down() {
  local port open=()
  lock_stack
  load_ports
  stop_prometheus
  stop_services
  stop_kafka
  stop_postgres
  # a socket is released when its process exits; allow a moment before judging
  local deadline=$((SECONDS + 5))
  while :; do
    open=()
    for port in "$RMA_INTAKE_PORT" "$ADDRESS_REGISTRY_PORT" "$RMA_DISPATCH_PORT" "$SLA_MONITOR_PORT" \
      "$RMA_INTAKE_MANAGEMENT_PORT" "$ADDRESS_REGISTRY_MANAGEMENT_PORT" \
      "$RMA_DISPATCH_MANAGEMENT_PORT" "$SLA_MONITOR_MANAGEMENT_PORT" \
      "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
      port_open "$port" && open+=("$port")
    done
    ((${#open[@]} == 0 || SECONDS >= deadline)) && break
    sleep 0.2
  done
  rm -f "$STATE_DIR/ports.env"
  if ((${#open[@]})); then
    for port in "${open[@]}"; do log "port $port is still open: $(port_owner "$port") (not started by this stack)"; done
    die "ports still in use: ${open[*]}"
  fi
  log "stack is down; ports ${RMA_INTAKE_PORT}-${SLA_MONITOR_PORT}," \
    "${RMA_INTAKE_MANAGEMENT_PORT}-${SLA_MONITOR_MANAGEMENT_PORT}, $KAFKA_PORT, $KAFKA_CONTROLLER_PORT are closed"
}

cmd_status() {
  local svc pid ok=0 pgpid=""
  load_ports
  if find_pg_cluster; then
    if [[ $PG_STATUS == online* ]]; then
      pgpid=$(head -n1 "/var/run/postgresql/$PG_VERSION-$PG_CLUSTER.pid" 2>/dev/null || true)
      if pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then
        printf '%-18s running  pid %-8s ready      127.0.0.1:%s (cluster %s/%s)\n' postgresql "${pgpid:--}" "$PG_PORT" "$PG_VERSION" "$PG_CLUSTER"
      else
        printf '%-18s running  pid %-8s not ready  127.0.0.1:%s\n' postgresql "${pgpid:--}" "$PG_PORT"
        ok=1
      fi
    else
      printf '%-18s stopped  (cluster %s/%s)\n' postgresql "$PG_VERSION" "$PG_CLUSTER"
      ok=1
    fi
  else
    printf '%-18s absent   (no cluster on port %s)\n' postgresql "$PG_PORT"
    ok=1
  fi

  if pid=$(live_pid "$PID_DIR/kafka.pid" "$(kafka_marker)" 2>/dev/null); then
    if kafka_ready; then
      printf '%-18s running  pid %-8s ready      127.0.0.1:%s\n' kafka "$pid" "$KAFKA_PORT"
    else
      printf '%-18s running  pid %-8s not ready  127.0.0.1:%s\n' kafka "$pid" "$KAFKA_PORT"
      ok=1
    fi
  else
    printf '%-18s stopped\n' kafka
    ok=1
  fi

  for svc in "${SERVICES[@]}"; do
    if pid=$(live_pid "$PID_DIR/$svc.pid" "$(service_jar "$svc")" 2>/dev/null); then
      if service_ready "$svc"; then
        printf '%-18s running  pid %-8s ready      http://127.0.0.1:%s\n' "$svc" "$pid" "$(service_port "$svc")"
      else
        printf '%-18s running  pid %-8s not ready  http://127.0.0.1:%s\n' "$svc" "$pid" "$(service_port "$svc")"
        ok=1
      fi
    else
      printf '%-18s stopped\n' "$svc"
      ok=1
    fi
  done
  # optional: listed only when it runs, never counted against the stack
  if pid=$(live_pid "$PID_DIR/prometheus.pid" "$(prometheus_marker)" 2>/dev/null); then
    printf '%-18s running  pid %-8s            http://127.0.0.1:%s\n' prometheus "$pid" "$PROMETHEUS_PORT"
  fi
  return "$ok"
}

cmd_logs() {
  local name=${1:-} follow=${2:-} file
  if is_service "$name" || [[ $name == kafka || $name == build || $name == prometheus ]]; then
    file="$LOG_DIR/$name.log"
  elif [[ $name == postgresql || $name == postgres ]]; then
    find_pg_cluster || die "no PostgreSQL cluster on port $PG_PORT"
    file=$PG_LOGFILE
  else
    echo "usage: $PROG logs SERVICE [-f]   (SERVICE: ${SERVICES[*]} kafka build postgresql)" >&2
    exit 2
  fi
  [[ -z $follow || $follow == -f ]] || {
    echo "usage: $PROG logs SERVICE [-f]" >&2
    exit 2
  }
  [[ -f $file ]] || die "no log yet: ${file#"$ROOT"/}"
  if [[ $follow == -f ]]; then
    exec tail -n 200 -F "$file"
  fi
  tail -n 200 "$file"
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

cmd_token() {
  local role=${1:-} partner=${2:-} sub header payload partner_claim="" iat signing_input signature
  local ttl=$((12 * 3600))
  case $role in
    partner | ops | logistics | customer) ;;
    rma-service) ttl=$((30 * 24 * 3600)) ;; # rma-intake's own identity (written at up)
    *)
      echo "usage: $PROG token partner|ops|logistics|customer|rma-service [PARTNER_ID]" >&2
      exit 2
      ;;
  esac
  if (($# > 2)); then
    echo "usage: $PROG token partner|ops|logistics|customer [PARTNER_ID]" >&2
    exit 2
  fi
  [[ $role == partner && -z $partner ]] && partner="P-1001"
  if [[ -n $partner ]]; then
    # it goes into JSON unescaped: keep it to a plain identifier
    [[ $partner =~ ^[A-Za-z0-9._-]{1,64}$ ]] || {
      echo "PARTNER_ID must match [A-Za-z0-9._-]{1,64}" >&2
      exit 2
    }
    partner_claim="\"partner_id\":\"$partner\","
  fi
  [[ -f $KEY_DIR/private.pem ]] || die "no JWT key pair yet: run '$PROG up' first"

  if [[ $role == partner ]]; then
    sub="partner-$partner-user"
  elif [[ $role == rma-service ]]; then
    sub="rma-intake"
  else
    sub="$role-user"
  fi
  iat=$(date +%s)
  header='{"alg":"RS256","typ":"JWT"}'
  payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","upn":"%s","groups":["%s"],%s"iat":%d,"exp":%d,"jti":"%s"}' \
    "$JWT_ISSUER" "$JWT_AUDIENCE" "$sub" "$sub" "$role" "$partner_claim" "$iat" "$((iat + ttl))" "$(openssl rand -hex 16)")
  signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
  signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$KEY_DIR/private.pem" -binary | b64url)
  [[ -n $signature ]] || die "signing failed"
  printf '%s.%s\n' "$signing_input" "$signature"
}

cmd_seed() {
  # demo data through the public APIs, as ops and partners would enter it
  [[ -f "$KEY_DIR/private.pem" ]] || die "no key pair yet: run up first"
  exec "$SCRIPT_DIR/seed.sh"
}

# ---------------------------------------------------------------- dead letters

# ops_call METHOD SERVICE PATH: the service's answer body on stdout; a service that does not
# answer, or answers anything but 2xx, ends the script with a line that says so.
ops_call() {
  local method=$1 svc=$2 path=$3 base token answer status
  base="http://127.0.0.1:$(service_port "$svc")"
  token=$(cmd_token ops) || exit 1
  if ! answer=$(curl -sS -m 30 -w '\n%{http_code}' -X "$method" -H "Authorization: Bearer $token" \
    -H 'Accept: application/json' "$base$path" 2>&1); then
    answer=${answer##*curl: }   # curl's own message, e.g. "(7) Failed to connect ..."
    die "$svc does not answer on $base: ${answer%%$'\n'*}; is the stack up? see '$PROG status'"
  fi
  status=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  if [[ $status != 2* ]]; then
    printf '%s\n' "$answer" >&2
    die "$method $path answered $status"
  fi
  printf '%s\n' "$answer"
}

json_pretty() {
  if command -v jq >/dev/null; then jq .; else cat; fi
}

dlq_usage() {
  cat >&2 <<USAGE
usage: $PROG dlq list SERVICE [PAGE [SIZE]]
       $PROG dlq show SERVICE ID
       $PROG dlq replay SERVICE ID|--all
  SERVICE: ${SERVICES[*]}; ID as listed: <partition>-<offset>
USAGE
  exit 2
}

# Prints the list answer as a table (needs jq; without it, the JSON as answered).
dlq_table() {
  local body=$1
  if ! command -v jq >/dev/null; then
    printf '%s\n' "$body"
    return 0
  fi
  jq -r '"\(.total) dead letters; page \(.page) (size \(.size)) shows \(.items | length)"' <<<"$body"
  {
    printf 'ID\tDEAD-LETTERED\tORIGINAL\tCE_TYPE\tCE_ID\tREPLAYED\tREASON\n'
    jq -r '.items[] | [
        .id,
        (if .timestamp then .timestamp[0:19] + "Z" else "-" end),
        "\(.originalTopic // "?")/\(.originalPartition // "?")@\(.originalOffset // "?")",
        (.ceType // "-"),
        (.ceId // "-"),
        (if .replayedAt then .replayedAt[0:19] + "Z" else "-" end),
        ((.reason // "-") | gsub("[\t\n\r]+"; " ") | .[0:80])
      ] | @tsv' <<<"$body"
  } | column -t -s $'\t'
}

cmd_dlq() {
  local action=${1:-} svc=${2:-} arg=${3:-} body
  case $action in
    list) (($# >= 2 && $# <= 4)) || dlq_usage ;;
    show | replay) (($# == 3)) || dlq_usage ;;
    *) dlq_usage ;;
  esac
  is_service "$svc" || dlq_usage
  load_ports
  case $action in
    list)
      local page=${3:-0} size=${4:-50}
      [[ $page =~ ^[0-9]+$ && $size =~ ^[0-9]+$ ]] || dlq_usage
      body=$(ops_call GET "$svc" "/api/v1/ops/dead-letters?page=$page&size=$size") || exit 1
      dlq_table "$body"
      ;;
    show)
      [[ $arg =~ ^[0-9]+-[0-9]+$ ]] || die "ID looks like <partition>-<offset>, e.g. 0-12 (see '$PROG dlq list $svc')"
      ops_call GET "$svc" "/api/v1/ops/dead-letters/$arg" | json_pretty
      ;;
    replay)
      if [[ $arg == --all ]]; then
        body=$(ops_call POST "$svc" "/api/v1/ops/dead-letters/replay?all=true") || exit 1
        if command -v jq >/dev/null; then
          jq -r '"replayed \(.replayed | length): \([.replayed[].id] | join(" "))",
            "skipped (their event was replayed before): \(.skipped)",
            (.notReplayable[] | "not replayable \(.id): \(.reason)"),
            (if .more then "more remain: run it again" else empty end)' <<<"$body"
        else
          printf '%s\n' "$body"
        fi
      else
        [[ $arg =~ ^[0-9]+-[0-9]+$ ]] || die "ID looks like <partition>-<offset>, e.g. 0-12 (see '$PROG dlq list $svc')"
        ops_call POST "$svc" "/api/v1/ops/dead-letters/$arg/replay" | json_pretty
      fi
      ;;
  esac
}

main() {
  local cmd=${1:-}
  (($#)) && shift
  case $cmd in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    status) cmd_status "$@" ;;
    logs) cmd_logs "$@" ;;
    token) cmd_token "$@" ;;
    seed) cmd_seed "$@" ;;
    dlq) cmd_dlq "$@" ;;
    start | stop | restart | pid) cmd_component "$cmd" "$@" ;;
    prometheus) cmd_component start prometheus ;;
    -h | --help | help)
      usage
      exit 0
      ;;
    *)
      usage
      exit 2
      ;;
  esac
}

main "$@"
