package com.acme.rma.monitor.application;

import com.acme.rma.calendar.sla.SlaPolicy;
import com.acme.rma.calendar.sla.SlaTerms;
import com.acme.rma.monitor.application.ClockRepairStore.Rejudged;
import com.acme.rma.monitor.domain.SlaClock;
import com.acme.rma.monitor.domain.SlaState;
import com.acme.rma.monitor.domain.Transition;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Ops' explicit repair of finished clocks ({@code POST /api/v1/slas/repair}): every stopped clock
 * (MET, BREACHED with its stop) started in the range of dates (the business calendar's zone) is
 * re-judged against the calendars in effect, in batches; a verdict that changes is announced once
 * ({@code sla.met.v1} correcting the breach, or {@code sla.breached.v1}). Open and cancelled clocks
 * are not touched. The request, its reason and its result are kept ({@code sla_repair}).
 */
@ApplicationScoped
public class RejudgeClocks {

  private static final int BATCH = 2000;

  private final ClockRepairStore clocks;
  private final SlaPolicy policy;
  private final AlertOutbox alerts;
  private final Clock clock;

  public RejudgeClocks(ClockRepairStore clocks, SlaPolicy policy, AlertOutbox alerts, Clock clock) {
    this.clocks = clocks;
    this.policy = policy;
    this.alerts = alerts;
    this.clock = clock;
  }

  public Rejudged rejudge(LocalDate from, LocalDate to, String reason, String by) {
    ZoneId zone = policy.businessDays().zone();
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    int[] totals = new int[4]; // checked, moved, met→breached, breached→met
    String[] after = {""};
    while (true) {
      int n =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    List<SlaClock> batch = clocks.lockFinished(start, end, after[0], BATCH);
                    List<SlaClock> changed = new ArrayList<>();
                    for (SlaClock before : batch) {
                      after[0] = before.rmaNumber();
                      SlaTerms terms = policy.termsFor(before.serviceLevel(), before.startedAt());
                      if (!terms.calendarId().equals(before.calendarId())) {
                        continue;
                      }
                      Transition t = before.rejudge(terms);
                      if (t.clock().equals(before)) {
                        continue;
                      }
                      changed.add(t.clock());
                      totals[1]++;
                      if (before.state() != t.clock().state()) {
                        totals[t.clock().state() == SlaState.BREACHED ? 2 : 3]++;
                      }
                      alerts.publish(t.alerts());
                    }
                    clocks.saveRejudged(changed, now);
                    return batch.size();
                  });
      totals[0] += n;
      if (n < BATCH) {
        break;
      }
    }
    Rejudged done =
        new Rejudged(0, from, to, reason, by, now, totals[0], totals[1], totals[2], totals[3]);
    QuarkusTransaction.requiringNew().run(() -> clocks.record(done));
    return done;
  }
}
