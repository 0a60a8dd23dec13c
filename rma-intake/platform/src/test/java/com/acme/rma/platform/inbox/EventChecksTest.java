package com.acme.rma.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.contract.EventTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The contract's producer per type and the future-time limit, on a fixed clock. */
class EventChecksTest {

  private static final Instant NOW = Instant.parse("2026-05-01T01:00:00Z");
  private static final EventChecks CHECKS =
      new EventChecks(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

  @Test
  void anEventFromTheProducerTheContractNamesPasses() {
    assertDoesNotThrow(() -> CHECKS.check(event(EventTypes.ENTITLEMENT_CHANGED, "/rma-intake")));
    assertDoesNotThrow(() -> CHECKS.check(event(EventTypes.SHIPMENT_SHIPPED, "/rma-dispatch")));
    assertDoesNotThrow(() -> CHECKS.check(event(EventTypes.SLA_DEADLINE_CHANGED, "/sla-monitor")));
  }

  @Test
  void anEventFromAnyOtherSourceIsPoisonNamingTheExpectedOne() {
    PoisonEventException forged =
        assertThrows(
            PoisonEventException.class,
            () -> CHECKS.check(event(EventTypes.ENTITLEMENT_CHANGED, "/evil-pod")));
    assertTrue(forged.getMessage().startsWith("forged source"), forged.getMessage());
    assertTrue(forged.getMessage().contains("/rma-intake"), forged.getMessage());
    // another service is no better than a stranger
    assertThrows(
        PoisonEventException.class,
        () -> CHECKS.check(event(EventTypes.ENTITLEMENT_CHANGED, "/address-registry")));
    assertThrows(
        PoisonEventException.class,
        () -> CHECKS.check(event(EventTypes.RMA_AUTHORIZED, "/rma-intake/")));
  }

  @Test
  void carrierEventsComeFromAnyIntegratorButNeverFromOneOfTheServices() {
    assertDoesNotThrow(() -> CHECKS.check(event(EventTypes.CARRIER_STATUS, "/logistics/yamato")));
    assertDoesNotThrow(() -> CHECKS.check(event(EventTypes.CARRIER_STATUS, "urn:carrier:dhl")));
    assertThrows(
        PoisonEventException.class,
        () -> CHECKS.check(event(EventTypes.CARRIER_STATUS, "/rma-dispatch")));
  }

  @Test
  void typesOutsideTheContractAreLeftToTheHandler() {
    assertDoesNotThrow(() -> CHECKS.check(event("probe.ping.v1", "/test")));
  }

  @Test
  void ceTimeMayBeUpToTheSkewAheadAndNoFurther() {
    assertDoesNotThrow(() -> CHECKS.check(at(NOW.plus(Duration.ofMinutes(5)))));
    assertDoesNotThrow(() -> CHECKS.check(at(NOW.minus(Duration.ofDays(400)))));
    assertDoesNotThrow(() -> CHECKS.check(at(null)));
    PoisonEventException ahead =
        assertThrows(
            PoisonEventException.class,
            () -> CHECKS.check(at(NOW.plus(Duration.ofMinutes(5)).plusMillis(1))));
    assertTrue(ahead.getMessage().startsWith("time in the future: ce_time"), ahead.getMessage());
  }

  @Test
  void payloadInstantsHaveTheSameLimit() {
    Instant inSkew = NOW.plusSeconds(299);
    assertEquals(inSkew, CHECKS.notAhead(inSkew, "changedAt"));
    assertEquals(null, CHECKS.notAhead(null, "changedAt"));
    PoisonEventException ahead =
        assertThrows(
            PoisonEventException.class,
            () -> CHECKS.notAhead(Instant.parse("2099-01-01T00:00:00Z"), "changedAt"));
    assertTrue(ahead.getMessage().contains("changedAt 2099-01-01T00:00:00Z"), ahead.getMessage());
  }

  @Test
  void theSkewIsASetting() {
    EventChecks strict = new EventChecks(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
    assertDoesNotThrow(() -> strict.notAhead(NOW, "at"));
    assertThrows(PoisonEventException.class, () -> strict.notAhead(NOW.plusMillis(1), "at"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EventChecks(Clock.systemUTC(), Duration.ofMinutes(-1)));
  }

  private static InboundEvent event(String type, String source) {
    return new InboundEvent("id-1", source, type, NOW, "k", "{}");
  }

  private static InboundEvent at(Instant time) {
    return new InboundEvent("id-1", "/rma-intake", EventTypes.ENTITLEMENT_CHANGED, time, "k", "{}");
  }
}
