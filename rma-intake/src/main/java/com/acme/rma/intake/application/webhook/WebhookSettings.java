package com.acme.rma.intake.application.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code rma.webhooks.*}. */
@ConfigMapping(prefix = "rma.webhooks")
public interface WebhookSettings {

  /** http to loopback addresses allowed (dev, tests, the local stack); false in production. */
  @WithDefault("false")
  boolean allowLoopbackHttp();

  /**
   * Whether the scheduled worker runs; false only in intake's own tests, which drive the worker on
   * their fixed clock (moving that clock past a lease while the scheduled worker sends would let
   * the test's worker send the same delivery again).
   */
  @WithDefault("true")
  boolean scheduled();

  /** How often each replica looks for due deliveries. */
  @WithDefault("1s")
  Duration pollInterval();

  /** How long a claimed delivery is reserved for the replica sending it. */
  @WithDefault("60s")
  Duration lease();

  /** Deliveries claimed per round. */
  @WithDefault("20")
  int batch();

  /** At most this many endpoints per partner. */
  @WithDefault("10")
  int maxEndpointsPerPartner();

  /** Delivered/parked deliveries and attempts are forgotten this long after (at least 2 days). */
  @WithDefault("P30D")
  Duration retention();
}
