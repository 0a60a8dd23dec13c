package com.acme.rma.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Decides, from the send results of one relay batch, what happens to each row. Plain logic, so that
 * the rule is tested on its own.
 *
 * <p>The rule: an acknowledged row is published. A failed row's failure counts as an attempt when
 * the row itself is the problem, that is when the failure is not retriable (no Kafka {@link
 * RetriableException} in its cause chain: record too large, topic not authorized, invalid topic
 * name…) or when at least one other row of the same batch was acknowledged (the broker is up). A
 * failure that is only the broker being unreachable (every row of the batch fails with a retriable
 * error) does not count, so an outage never parks valid events. On the {@code maxAttempts}-th
 * counted attempt the row is parked.
 */
public final class SendVerdicts {

  /** The longest reason kept with a row ({@code outbox_event.last_error}). */
  public static final int MAX_ERROR_LENGTH = 1000;

  private SendVerdicts() {}

  /** One row as sent: its attempts before this send and its failure (null when acknowledged). */
  public record Sent(long seq, int attemptsSoFar, Throwable failure) {}

  public enum Fate {
    /** Acknowledged by the broker. */
    PUBLISHED,
    /** Failed, but not the row's fault (the broker is unreachable): tried again, not counted. */
    RETRY,
    /** Failed and counted; tried again. */
    COUNTED,
    /** Failed for the last allowed time: set aside until ops retries it. */
    PARKED
  }

  /** What to do with one row: its fate, its attempts afterwards, and the reason of a failure. */
  public record Verdict(long seq, Fate fate, int attempts, String error) {}

  /** A row the relay could not even turn into a Kafka record: its fault, never the broker's. */
  public static final class UnsendableRowException extends RuntimeException {
    public UnsendableRowException(String message, Throwable cause) {
      super(message, cause);
    }

    public UnsendableRowException(String message) {
      super(message);
    }
  }

  public static List<Verdict> judge(List<Sent> batch, int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    boolean brokerAnswered = batch.stream().anyMatch(sent -> sent.failure() == null);
    List<Verdict> verdicts = new ArrayList<>(batch.size());
    for (Sent sent : batch) {
      if (sent.failure() == null) {
        verdicts.add(new Verdict(sent.seq(), Fate.PUBLISHED, sent.attemptsSoFar(), null));
        continue;
      }
      String error = describe(sent.failure());
      if (brokerAnswered || !retriable(sent.failure())) {
        int attempts = sent.attemptsSoFar() + 1;
        Fate fate = attempts >= maxAttempts ? Fate.PARKED : Fate.COUNTED;
        verdicts.add(new Verdict(sent.seq(), fate, attempts, error));
      } else {
        verdicts.add(new Verdict(sent.seq(), Fate.RETRY, sent.attemptsSoFar(), error));
      }
    }
    return verdicts;
  }

  /**
   * Whether the failure may go away by itself: a Kafka {@link RetriableException} anywhere in the
   * chain, or no Kafka error at all (the channel stopping at shut-down, a wait that ran out), which
   * says nothing against the row. A non-retriable Kafka error or an {@link UnsendableRowException}
   * blames the row.
   */
  public static boolean retriable(Throwable failure) {
    boolean kafkaError = false;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RetriableException) {
        return true;
      }
      if (t instanceof UnsendableRowException) {
        return false;
      }
      kafkaError |= t instanceof KafkaException;
    }
    return !kafkaError;
  }

  /** The failure as a bounded line of text: the innermost Kafka error's class and message. */
  static String describe(Throwable failure) {
    Throwable reason = failure;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof KafkaException || t instanceof UnsendableRowException) {
        reason = t;
      }
    }
    String text = reason.getClass().getSimpleName() + ": " + reason.getMessage();
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }
}
