package com.acme.rma.dispatch.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a carrier's {@code occurredAt} is believable: not later than now plus the allowed clock
 * skew between the carrier's clock and ours, and not before the RMA was authorized (nothing ships
 * for an RMA that does not exist yet). A report dated exactly at either bound is believed.
 */
public record CarrierClock(Duration skew) {

  /** Why a report's time cannot be believed. */
  public record Implausible(String code, String detail) {}

  public static final String IN_FUTURE = "OCCURRED_IN_FUTURE";
  public static final String BEFORE_AUTHORIZATION = "OCCURRED_BEFORE_AUTHORIZATION";

  public CarrierClock {
    Objects.requireNonNull(skew, "skew");
    if (skew.isNegative()) {
      throw new IllegalArgumentException("the clock skew must not be negative: " + skew);
    }
  }

  /**
   * Empty when the time is believable; {@code authorizedAt} may be null (a shipment recorded before
   * it was kept), then only the future is checked.
   */
  public Optional<Implausible> check(Instant occurredAt, Instant now, Instant authorizedAt) {
    Instant latest = now.plus(skew);
    if (occurredAt.isAfter(latest)) {
      return Optional.of(
          new Implausible(
              IN_FUTURE,
              "occurredAt "
                  + occurredAt
                  + " is in the future (now "
                  + now
                  + ", clock skew allowed "
                  + skew
                  + ")"));
    }
    if (authorizedAt != null && occurredAt.isBefore(authorizedAt)) {
      return Optional.of(
          new Implausible(
              BEFORE_AUTHORIZATION,
              "occurredAt " + occurredAt + " is before the RMA was authorized at " + authorizedAt));
    }
    return Optional.empty();
  }
}
