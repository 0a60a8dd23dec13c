#!/usr/bin/env bash
# Measures SLA repair and the compliance report at scale, with the same test the build runs small
# (sla-monitor's CalendarChangesTest, real PostgreSQL and Kafka inside the test JVM):
#   a calendar closure repairing CLOCKS open clocks (default 100,000) and
#   the report over REPORT_CLOCKS clocks (default 1,000,000).
# Prints the measured times ("SLA repair: ..." and "SLA report: ..."). Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
CLOCKS="${CLOCKS:-100000}"
REPORT_CLOCKS="${REPORT_CLOCKS:-1000000}"
./mvnw -B -pl sla-monitor -am verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='CalendarChangesTest#aClosedDayMovesEveryTouchedClockOnceAndReopeningMovesThemBack+theReportOverManyClocksCountsEachOfThem' \
  -Drma.scale.clocks="$CLOCKS" -Drma.scale.report-clocks="$REPORT_CLOCKS" \
  | tee target/calendar-scale.log | grep -E 'SLA (repair|report):|Tests run:|BUILD' || true
