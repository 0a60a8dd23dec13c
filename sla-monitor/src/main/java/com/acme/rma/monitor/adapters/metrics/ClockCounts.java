package com.acme.rma.monitor.adapters.metrics;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.monitor.application.SlaClockStore;
import com.acme.rma.monitor.application.SlaQueries;
import com.acme.rma.monitor.domain.SlaState;
import com.acme.rma.platform.observe.CountedStates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rma_sla_clocks{state, level}}: SLA clocks running, paused, at risk, breached, met and
 * cancelled, by service level (an index-only count, refreshed by the kit every 30 s).
 */
@ApplicationScoped
public class ClockCounts implements CountedStates {

  private final SlaQueries queries;

  public ClockCounts(SlaQueries queries) {
    this.queries = queries;
  }

  @Override
  public String name() {
    return "rma.sla.clocks";
  }

  @Override
  public String description() {
    return "SLA clocks in each state, by service level";
  }

  @Override
  public List<Row> count() {
    Map<String, Long> found = new HashMap<>();
    for (SlaClockStore.Count c : queries.countByStateAndLevel()) {
      found.put(c.state() + "/" + c.serviceLevel(), c.count());
    }
    List<Row> counts = new ArrayList<>();
    for (SlaState state : SlaState.values()) {
      for (ServiceLevel level : ServiceLevel.values()) {
        counts.add(
            new Row(
                Map.of("state", state.name(), "level", level.name()),
                found.getOrDefault(state + "/" + level, 0L)));
      }
    }
    return counts;
  }
}
