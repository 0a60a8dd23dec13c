package com.acme.rma.intake.domain.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * What one HTTP attempt of a webhook delivery came to: a status code, or no answer at all (timeout,
 * refused connection, unreachable address), with the receiver's {@code Retry-After} when it sent
 * one.
 */
public record DeliveryOutcome(
    Integer statusCode, Duration duration, String error, Duration retryAfter) {

  /** What becomes of the delivery after this attempt. */
  public enum Verdict {
    /** 2xx: delivered, the delivery ends. */
    DELIVERED,
    /** No answer, 5xx or 429: tried again later (until the deadline). */
    RETRY,
    /** Any other answer (3xx, 4xx): the receiver refuses it; retrying would not help. */
    REFUSED
  }

  public static DeliveryOutcome answered(int statusCode, Duration duration, Duration retryAfter) {
    return new DeliveryOutcome(statusCode, duration, null, retryAfter);
  }

  public static DeliveryOutcome noAnswer(Duration duration, String error) {
    return new DeliveryOutcome(null, duration, error, null);
  }

  public Verdict verdict() {
    if (statusCode == null) {
      return Verdict.RETRY;
    }
    if (statusCode >= 200 && statusCode < 300) {
      return Verdict.DELIVERED;
    }
    if (statusCode >= 500 || statusCode == 429) {
      return Verdict.RETRY;
    }
    return Verdict.REFUSED;
  }

  public Optional<Duration> retryAfterHint() {
    return Optional.ofNullable(retryAfter);
  }

  /** One line for the endpoint's deliveries and its pause reason. */
  public String describe() {
    return statusCode == null ? "no answer: " + error : "HTTP " + statusCode;
  }
}
