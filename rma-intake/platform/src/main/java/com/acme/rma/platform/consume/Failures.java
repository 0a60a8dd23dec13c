package com.acme.rma.platform.consume;

import com.acme.rma.platform.Causes;
import com.acme.rma.platform.inbox.PoisonEventException;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a record that can never be processed (poison) from a failure that may pass (transient).
 *
 * <p>Poison: the consumer said so ({@link PoisonEventException}), bean validation refused the data,
 * or PostgreSQL refused the data by its shape (SQLState class 22, data exception, and 23502/23503/
 * 23514, not-null, foreign-key and check violations). Everything else is retried: a database, a
 * broker or a dependency that is down, a concurrent writer (serialization failure, deadlock, unique
 * violation — the retry sees the winner) and also an unexpected failure, which stalls the partition
 * in plain sight (readiness, metrics, log) instead of losing a valid event.
 */
public final class Failures {

  private static final int MAX_REASON = 500;
  private static final Set<String> POISON_STATES = Set.of("23502", "23503", "23514");

  private Failures() {}

  /** True when retrying cannot help. */
  public static boolean isPoison(Throwable failure) {
    for (Throwable t : Causes.of(failure)) {
      if (t instanceof PoisonEventException || t instanceof ConstraintViolationException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("22") || POISON_STATES.contains(state)) {
          return true;
        }
      }
    }
    return false;
  }

  /** One bounded line naming the deepest cause (and its SQLState), for logs and headers. */
  public static String reason(Throwable failure) {
    Throwable root = failure;
    String state = null;
    for (Throwable t : Causes.of(failure)) {
      root = t;
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        state = sql.getSQLState();
      }
    }
    if (failure instanceof PoisonEventException) {
      root = failure; // its own message is the reason the consumer gave
    }
    String text =
        root.getClass().getSimpleName()
            + (state == null ? "" : " [" + state + "]")
            + ": "
            + String.valueOf(root.getMessage());
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
  }
}
