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
}
