package com.acme.rma.intake.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EndpointHealthTest {

  private static final Instant T0 = Instant.parse("2026-05-01T01:00:00Z");

  private static EndpointHealth failures(int count, Duration spread) {
    EndpointHealth health = EndpointHealth.healthy();
    for (int i = 0; i < count; i++) {
      health = health.failed(T0.plus(spread.multipliedBy(i).dividedBy(Math.max(1, count - 1))));
    }
    return health;
  }

  @Test
  void manyFailuresWithinAMinuteDoNotPause() {
    EndpointHealth burst = failures(50, Duration.ofSeconds(30));
    assertFalse(burst.shouldPause(T0.plusSeconds(30)));
  }

  @Test
  void fewFailuresOverHoursDoNotPause() {
    EndpointHealth rare = failures(EndpointHealth.FAILURES - 1, Duration.ofHours(5));
    assertFalse(rare.shouldPause(T0.plus(Duration.ofHours(5))));
  }

  @Test
  void tenFailuresInARowOverHalfAnHourPause() {
    EndpointHealth failing = failures(EndpointHealth.FAILURES, EndpointHealth.FAILING_FOR);
    assertEquals(T0, failing.failingSince());
    assertTrue(failing.shouldPause(T0.plus(EndpointHealth.FAILING_FOR)));
  }

  @Test
  void oneSuccessResetsTheCount() {
    EndpointHealth healed = failures(9, Duration.ofMinutes(29)).succeeded();
    assertEquals(0, healed.consecutiveFailures());
    assertNull(healed.failingSince());
    assertFalse(
        healed.failed(T0.plus(Duration.ofHours(1))).shouldPause(T0.plus(Duration.ofHours(1))));
  }

  @Test
  void anEndpointIsPausedWithTheReasonAndResumedClean() {
    WebhookEndpoint endpoint =
        new WebhookEndpoint(
            UUID.randomUUID(),
            "P-1",
            "https://example.com/hook",
            "0123456789abcdef",
            Set.of("rma.closed"),
            WebhookEndpoint.State.ACTIVE,
            null,
            null,
            EndpointHealth.healthy(),
            T0);
    for (int i = 0; i < EndpointHealth.FAILURES; i++) {
      endpoint = endpoint.failed(T0.plus(Duration.ofMinutes(4L * i)), "HTTP 503");
    }
    assertEquals(WebhookEndpoint.State.PAUSED, endpoint.state());
    assertTrue(endpoint.pausedReason().contains("10 consecutive failed deliveries"));
    assertTrue(endpoint.pausedReason().contains("HTTP 503"));
    WebhookEndpoint resumed = endpoint.resume();
    assertEquals(WebhookEndpoint.State.ACTIVE, resumed.state());
    assertNull(resumed.pausedReason());
    assertEquals(0, resumed.health().consecutiveFailures());
  }
}
