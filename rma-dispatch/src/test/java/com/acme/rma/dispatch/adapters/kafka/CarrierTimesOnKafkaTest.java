package com.acme.rma.dispatch.adapters.kafka;

import static com.acme.rma.dispatch.TestData.TOKYO;
import static com.acme.rma.dispatch.TestData.newRmaNumber;
import static com.acme.rma.dispatch.TestData.order;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.dispatch.application.CreateShipment;
import com.acme.rma.dispatch.domain.ServiceLevel;
import com.acme.rma.platform.inbox.PoisonEventException;
import com.acme.rma.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A carrier record dated in the future or before the RMA's authorization is dead-lettered with the
 * reason's code (the consumer's poison path, which sends it to {@code rma-dispatch.dlq}).
 */
@QuarkusTest
class CarrierTimesOnKafkaTest {

  @Inject CreateShipment createShipment;
  @Inject CarrierEventProbe kafka;
  @Inject MutableClock clock;

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  private static String status(String rma, String occurredAt) {
    return "{\"rmaNumber\":\""
        + rma
        + "\",\"type\":\"DELIVERED\",\"occurredAt\":\""
        + occurredAt
        + "\"}";
  }

  @Test
  void implausibleTimesAreDeadLetteredWithTheirReason() {
    String rma = newRmaNumber();
    createShipment.create(order(rma, ServiceLevel.GOLD_PLUS, TOKYO)); // authorized 01:00:00Z
    clock.set(Instant.parse("2026-05-01T03:00:00Z"));

    PoisonEventException future =
        assertThrows(
            PoisonEventException.class,
            () -> kafka.apply(rma, status(rma, "2026-05-01T03:05:01Z")));
    assertTrue(future.getMessage().startsWith("OCCURRED_IN_FUTURE: "), future.getMessage());
    PoisonEventException early =
        assertThrows(
            PoisonEventException.class,
            () -> kafka.apply(rma, status(rma, "2026-05-01T00:59:59Z")));
    assertTrue(
        early.getMessage().startsWith("OCCURRED_BEFORE_AUTHORIZATION: "), early.getMessage());
    kafka.apply(rma, status(rma, "2026-05-01T03:05:00Z")); // at the skew: applied
  }
}
