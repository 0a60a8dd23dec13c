#!/usr/bin/env bash
# The fault suite: drives load against the local stack, injects one fault per scenario, lets
# the system recover on its own and audits from the outside (REST + topics).
#
#   deploy/faults/run.sh [--quick] [SCENARIO...]      (default: every scenario)
#
# Starts the stack with `deploy/local/stack.sh up` if it is not up (with a short Gold Plus
# target, so that clocks breach during a scenario). See deploy/faults/README.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(cd "$HERE/../.." && pwd -P)"
STACK="$ROOT/deploy/local/stack.sh"
KAFKA_LIB="$ROOT/deploy/local/.run/kafka/lib"
WORK="$HERE/.run"
# the hostile-input campaign, shared with the e2e suite (compiled beside Faults.java)
CAMPAIGN="$ROOT/deploy/test-support/src/main/java/com/acme/rma/testsupport/HostileCampaign.java"
JAVA="${JAVA:-java}"
SCENARIOS=(pg-stop kafka-kill kill-intake kill-registry kill-dispatch kill-monitor registry-freeze replay poison hostile)
GROUPS_CONSUMING=(rma-intake address-registry rma-dispatch sla-monitor)

: "${FAULTS_GOLD_PLUS_TARGET:=PT30S}" # given to 'stack.sh up' when the suite starts the stack
: "${FAULTS_PG_DOWN:=30}"             # seconds PostgreSQL stays stopped
: "${FAULTS_FREEZE:=8}"               # seconds the registry stays SIGSTOPped

log() { printf '%s [faults] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 2
}

usage() {
  cat >&2 <<EOF
usage: deploy/faults/run.sh [--quick] [SCENARIO...]

scenarios: ${SCENARIOS[*]}
--quick    small load (about 40 RMAs a scenario); the whole suite in under 6 minutes
EOF
}

kafka_tool() {
  "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2-tools.properties" \
    -cp "$KAFKA_LIB/*" "$@"
}

# ------------------------------------------------------------------ the faults
# Run by the driver mid-load (`run.sh --inject NAME`); each one ends with the component back.

pid_of() {
  local pid
  pid=$("$STACK" pid "$1") || die "$1 is not running"
  echo "$pid"
}

reset_consumer_groups() {
  local group deadline
  for group in "${GROUPS_CONSUMING[@]}"; do
    deadline=$((SECONDS + 60))
    # a group can be reset only when it has no members; a stopped service leaves at once,
    # a killed one after its session timeout
    until kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand \
      --bootstrap-server "127.0.0.1:${KAFKA_PORT:-9092}" --group "$group" \
      --reset-offsets --to-earliest --all-topics --execute >"$WORK/reset-$group.out" 2>&1; do
      ((SECONDS < deadline)) || die "could not reset group $group: $(tail -n 3 "$WORK/reset-$group.out")"
      sleep 2
    done
    log "replay: group $group reset to the earliest offsets"
  done
}

inject() {
  local name=$1 pid svc
  log "fault: $name"
  case $name in
    pg-stop)
      "$STACK" stop postgresql
      sleep "$FAULTS_PG_DOWN"
      "$STACK" start postgresql
      ;;
    kafka-kill)
      pid=$(pid_of kafka)
      kill -KILL "$pid"
      sleep 3
      "$STACK" start kafka
      ;;
    kill-intake | kill-registry | kill-dispatch | kill-monitor)
      case $name in
        kill-intake) svc=rma-intake ;;
        kill-registry) svc=address-registry ;;
        kill-dispatch) svc=rma-dispatch ;;
        kill-monitor) svc=sla-monitor ;;
      esac
      pid=$(pid_of "$svc")
      kill -KILL "$pid"
      sleep 1
      "$STACK" start "$svc"
      ;;
    registry-freeze)
      pid=$(pid_of address-registry)
      kill -STOP "$pid"
      sleep "$FAULTS_FREEZE"
      kill -CONT "$pid"
      ;;
    replay)
      "$STACK" stop "${GROUPS_CONSUMING[@]}"
      reset_consumer_groups
      "$STACK" start "${GROUPS_CONSUMING[@]}"
      ;;
    *) die "no fault named $name" ;;
  esac
  log "fault: $name over, the component is back"
}

# ------------------------------------------------------------------ the suite

# The port serving a service's /q/health: its management port from the stack's ports.env (the
# packaged services serve health and metrics there), else its API port (an older stack).
health_port() {
  local management=$1 api=$2 port
  port=$(sed -n "s/^${management}=//p" "$ROOT/deploy/local/.run/state/ports.env" 2>/dev/null || true)
  [[ -n $port ]] || port=$(sed -n "s/^${api}=//p" "$ROOT/deploy/local/.run/state/ports.env" 2>/dev/null || true)
  echo "${port:-${!api:-}}"
}

all_ready() {
  local pair port
  for pair in RMA_INTAKE:8081 ADDRESS_REGISTRY:8082 RMA_DISPATCH:8083 SLA_MONITOR:8084; do
    port=$(health_port "${pair%%:*}_MANAGEMENT_PORT" "${pair%%:*}_PORT")
    curl -fsS -m 2 "http://127.0.0.1:${port:-${pair##*:}}/q/health/ready" 2>/dev/null |
      grep -q '"status" *: *"UP"' || return 1
  done
}

# Before each scenario: every service ready (a fault must have been recovered from).
wait_all_ready() {
  local deadline=$((SECONDS + $1))
  until all_ready; do
    ((SECONDS < deadline)) || return 1
    sleep 1
  done
}

ensure_stack() {
  if "$STACK" status >/dev/null 2>&1; then
    return 0
  fi
  log "stack: not (fully) up; starting it with RMA_SLA_GOLD_PLUS_TARGET=$FAULTS_GOLD_PLUS_TARGET"
  RMA_SLA_GOLD_PLUS_TARGET=$FAULTS_GOLD_PLUS_TARGET "$STACK" up >&2
}

compile_driver() {
  local classes="$WORK/classes"
  if [[ ! -f $classes/Faults.class || $HERE/Faults.java -nt $classes/Faults.class || $CAMPAIGN -nt $classes/Faults.class ]]; then
    rm -rf "$classes"
    mkdir -p "$classes"
    javac -nowarn -cp "$KAFKA_LIB/*" -d "$classes" "$HERE/Faults.java" "$CAMPAIGN" || die "compiling Faults.java failed"
  fi
}

driver() {
  "$JAVA" -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$HERE/log4j2.properties" \
    -cp "$WORK/classes:$KAFKA_LIB/*" "$@"
}

put_service_centers() {
  local ops=$1 id body
  for id in SC-TYO-1 SC-SJC-1; do
    if [[ $id == SC-TYO-1 ]]; then
      body='{"name":"Tokyo Otemachi service center","country":"JP","latitude":35.6870,"longitude":139.7640,"activeFrom":"2020-04-01T00:00:00Z"}'
    else
      body='{"name":"San Jose service center","country":"US","latitude":37.3382,"longitude":-121.8863,"activeFrom":"2021-01-01T00:00:00Z"}'
    fi
    curl -fsS -m 10 -o /dev/null -X PUT "http://127.0.0.1:8082/api/v1/service-centers/$id" \
      -H "Authorization: Bearer $ops" -H 'Content-Type: application/json' -d "$body" ||
      die "PUT service center $id failed"
  done
}

# The authorization matrix (deploy/e2e AuthorizationMatrixIT: every operation of every service's
# OpenAPI document x every kind of caller). It runs on the e2e suite's own services (tokens are
# signed with that run's key), not on the local stack. Prints the leak count, or "?" when the
# matrix could not run ("unmeasured" when FAULTS_AUTHZ=0 skips it).
authz_leaks() {
  local log=$1 count
  if [[ ${FAULTS_AUTHZ:-1} == 0 ]]; then
    echo "unmeasured"
    return
  fi
  log "authz: running the authorization matrix (log: $log)"
  (cd "$ROOT" && ./mvnw -B -pl deploy/e2e -am verify -Dspotless.check.skip=true \
    -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AuthorizationMatrixIT -Dfailsafe.failIfNoSpecifiedTests=false) >"$log" 2>&1 || true
  count=$(grep -o 'authz leaks: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || true)
  echo "${count:-?}"
}

main() {
  local quick=0 chosen=() s ok
  while (($#)); do
    case $1 in
      --quick) quick=1 ;;
      --inject)
        inject "$2"
        return
        ;;
      -h | --help)
        usage
        return 0
        ;;
      -*)
        usage
        return 2
        ;;
      *)
        ok=0
        for s in "${SCENARIOS[@]}"; do [[ $s == "$1" ]] && ok=1; done
        ((ok)) || {
          echo "unknown scenario: $1" >&2
          usage
          return 2
        }
        chosen+=("$1")
        ;;
    esac
    shift
  done
  ((${#chosen[@]})) || chosen=("${SCENARIOS[@]}")

  local started=$SECONDS run_id run_dir rmas pace idle max target
  ensure_stack
  compile_driver
  run_id=$(date -u +%m%d%H%M%S)
  run_dir="$WORK/$run_id"
  mkdir -p "$run_dir/tokens"
  for s in ops logistics; do "$STACK" token "$s" >"$run_dir/tokens/$s"; done
  for s in P-1001 P-1002 P-2001; do "$STACK" token partner "$s" >"$run_dir/tokens/$s"; done
  put_service_centers "$(<"$run_dir/tokens/ops")"
  driver Faults offsets "$run_dir/run-start.offsets"
  target=$(sed -n 's/^RMA_SLA_GOLD_PLUS_TARGET=//p' "$ROOT/deploy/local/.run/state/settings.env" 2>/dev/null || true)
  if ((quick)); then
    rmas=40 pace=10 idle=20 max=90
  else
    rmas=1000 pace=120 idle=40 max=600
  fi
  log "run $run_id: ${chosen[*]} ($( ((quick)) && echo quick || echo full) mode, Gold Plus target ${target:-PT4H (default: no breach within a scenario)}); details in ${run_dir#"$ROOT"/}"

  local failed=0 name args
  for name in "${chosen[@]}"; do
    if ! wait_all_ready 120; then
      log "services not ready before $name; 'stack.sh up' starts what is missing"
      "$STACK" up >&2 || true
    fi
    args=(-Drun.dir="$run_dir" -Drun.id="$run_id" -Drmas="$rmas" -Dpace="$pace"
      -Dsettle.idle="$idle" -Dsettle.max="$max")
    case $name in
      poison) args+=(-Dpoison=true -Dinject.at=0.2) ;;
      hostile)
        # no fault: 10,000 generated bad requests across every endpoint (--quick too)
        args+=(-Dhostile.requests=10000 -Djwt.private-key="$ROOT/deploy/local/.run/keys/private.pem")
        ;;
      replay) args+=(-Daudit.all=true -Dsettle.max=$((max * 3)) -Dinject="'$HERE/run.sh' --inject replay") ;;
      kill-monitor)
        # killed late in the load: the first Gold Plus clocks are due while it is down
        args+=(-Dinject="'$HERE/run.sh' --inject $name" -Dinject.at=0.75)
        ((quick)) && args+=(-Dpace=30)
        ;;
      *) args+=(-Dinject="'$HERE/run.sh' --inject $name") ;;
    esac
    if ! driver "${args[@]}" Faults scenario "$name" | tee -a "$run_dir/report"; then
      echo "$name: ERROR (the driver failed; see above)" | tee -a "$run_dir/report"
      failed=$((failed + 1))
    fi
  done

  local n=0 lost=0 dup=0 e=0 r_name r_lost r_dup r_e r_s
  if [[ -f $run_dir/results ]]; then
    while read -r r_name r_lost r_dup r_e r_s; do
      n=$((n + 1)) lost=$((lost + r_lost)) dup=$((dup + r_dup)) e=$((e + r_e))
    done <"$run_dir/results"
  fi
  local leaks
  leaks=$(authz_leaks "$run_dir/authz-matrix.log")
  echo "(authz matrix: $run_dir/authz-matrix.log; suite took $((SECONDS - started)) s)"
  echo "faults: $((n + failed)) scenarios, $lost lost, $dup duplicated, $e 5xx, $leaks authz leaks" | tee -a "$run_dir/report"
  ((lost == 0 && dup == 0 && e == 0 && failed == 0)) && [[ $leaks == 0 || $leaks == unmeasured ]]
}

main "$@"
