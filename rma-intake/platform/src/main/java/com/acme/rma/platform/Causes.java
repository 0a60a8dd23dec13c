package com.acme.rma.platform;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** A failure and everything it wraps, outermost first, once each (cycles are cut). */
public final class Causes {

  private Causes() {}

  /** The cause chain, with an {@link SQLException}'s next exception after it. */
  public static List<Throwable> of(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        chain.add(sql.getNextException());
      }
    }
    return chain;
  }
}
