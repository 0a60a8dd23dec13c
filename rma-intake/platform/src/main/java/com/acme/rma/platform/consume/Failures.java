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

  /**
   * One bounded line naming the deepest cause's class (and its SQLState), for the service's log.
   * What ops read in a dead letter is {@link #deadLetter}'s text, without class names.
   */
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

  /**
   * The exception a poison record is nacked with. SmallRye's dead-letter strategy writes its
   * message as {@code dead-letter-reason} and its cause's message as {@code dead-letter-cause} (the
   * exception's {@code toString()}, class name first, when it has no message); both are plain
   * sentences here: the reason the consumer gave (or the deepest cause's message, with its
   * SQLState), and the message of what it wraps, without class names ({@link Causes#plain}).
   */
  public static PoisonEventException deadLetter(Throwable failure) {
    Throwable said = failure;
    String state = null;
    if (!(failure instanceof PoisonEventException)) {
      for (Throwable t : Causes.of(failure)) {
        if (t.getMessage() != null && !t.getMessage().isBlank()) {
          said = t;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
          state = sql.getSQLState();
        }
      }
    }
    String reason =
        bounded(
            Causes.describe(said, "the event was refused without a reason")
                + (state == null ? "" : " [" + state + "]"));
    String cause = null;
    for (Throwable t : Causes.of(failure)) {
      if (t == said) {
        continue;
      }
      String text = Causes.plain(t.getMessage());
      if (text != null && !text.isBlank() && !reason.contains(text)) {
        cause = bounded(text);
        break;
      }
    }
    return cause == null
        ? new PoisonEventException(reason)
        : new PoisonEventException(reason, new DeadLetterCause(cause));
  }

  private static String bounded(String text) {
    String line = text.strip();
    return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 1) + "…";
  }

  /**
   * What a dead letter's {@code dead-letter-cause} says: a message only (no class name in its
   * {@code toString()}, no stack trace; the service's log has the original failure).
   */
  static final class DeadLetterCause extends RuntimeException {
    DeadLetterCause(String message) {
      super(message, null, false, false);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
