package com.acme.rma.monitor.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A clock after a step, with the alerts that step raised (in the order they became true). */
public record Transition(SlaClock clock, List<SlaAlert> alerts) {

  public Transition {
    alerts = List.copyOf(alerts);
  }

  public static Transition to(SlaClock clock, SlaAlert... alerts) {
    return new Transition(clock, List.of(alerts));
  }

  /** The next step taken from this one's clock; alerts of both, in order. */
  public Transition then(Function<SlaClock, Transition> step) {
    Transition next = step.apply(clock);
    if (alerts.isEmpty()) {
      return next;
    }
    List<SlaAlert> all = new ArrayList<>(alerts);
    all.addAll(next.alerts());
    return new Transition(next.clock(), all);
  }
}
