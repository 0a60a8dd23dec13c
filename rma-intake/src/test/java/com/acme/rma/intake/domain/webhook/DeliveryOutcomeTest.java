package com.acme.rma.intake.domain.webhook;

import static com.acme.rma.intake.domain.webhook.DeliveryOutcome.Verdict.DELIVERED;
import static com.acme.rma.intake.domain.webhook.DeliveryOutcome.Verdict.REFUSED;
import static com.acme.rma.intake.domain.webhook.DeliveryOutcome.Verdict.RETRY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryOutcomeTest {

  private static DeliveryOutcome.Verdict answered(int status) {
    return DeliveryOutcome.answered(status, Duration.ofMillis(5), null).verdict();
  }

  @Test
  void twoHundredsEndItServerErrorsTooManyRequestsAndSilenceAreRetriedTheRestIsRefused() {
    assertEquals(DELIVERED, answered(200));
    assertEquals(DELIVERED, answered(204));
    assertEquals(RETRY, answered(500));
    assertEquals(RETRY, answered(503));
    assertEquals(RETRY, answered(429));
    assertEquals(RETRY, DeliveryOutcome.noAnswer(Duration.ofSeconds(5), "timeout").verdict());
    assertEquals(REFUSED, answered(301));
    assertEquals(REFUSED, answered(400));
    assertEquals(REFUSED, answered(410));
  }
}
