package com.acme.rma.intake.domain.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * The pause rule: an endpoint whose attempts have all failed for at least {@link #FAILING_FOR},
 * with at least {@link #FAILURES} failures in a row, is paused (its deliveries wait, nothing is
 * lost) until its partner resumes it. One success resets the count. Both conditions: a burst of
 * failures in a second (one outage blip, many RMAs) does not pause, nor does one failure an hour.
 */
public record EndpointHealth(int consecutiveFailures, Instant failingSince) {

  public static final int FAILURES = 10;
  public static final Duration FAILING_FOR = Duration.ofMinutes(30);

  public static EndpointHealth healthy() {
    return new EndpointHealth(0, null);
  }

  public EndpointHealth succeeded() {
    return healthy();
  }

  public EndpointHealth failed(Instant at) {
    return new EndpointHealth(consecutiveFailures + 1, failingSince == null ? at : failingSince);
  }

  /** Whether the endpoint is to be paused now. */
  public boolean shouldPause(Instant now) {
    return consecutiveFailures >= FAILURES
        && failingSince != null
        && !now.isBefore(failingSince.plus(FAILING_FOR));
  }

  /** The reason shown to the partner when paused, naming the last failure. */
  public String pauseReason(String lastFailure) {
    return consecutiveFailures
        + " consecutive failed deliveries since "
        + failingSince
        + " (last: "
        + lastFailure
        + ")";
  }
}
