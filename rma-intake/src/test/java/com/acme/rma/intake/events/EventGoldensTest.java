package com.acme.rma.intake.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.SlaPolicy;
import com.acme.rma.calendar.sla.Target;
import com.acme.rma.contract.ContractSchemas;
import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Goldens;
import com.acme.rma.intake.application.Events;
import com.acme.rma.intake.domain.Address;
import com.acme.rma.intake.domain.Component;
import com.acme.rma.intake.domain.Entitlement;
import com.acme.rma.intake.domain.Issuance;
import com.acme.rma.intake.domain.LevelDecision;
import com.acme.rma.intake.domain.MaintenanceLevel;
import com.acme.rma.intake.domain.Rma;
import com.acme.rma.intake.domain.RmaStatus;
import com.acme.rma.intake.domain.Sla;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The payloads rma-intake publishes, written by the service's own ObjectMapper, equal the
 * contract's golden examples (which the consuming services read in their tests) and are valid
 * against the contract's schemas.
 */
@QuarkusTest
class EventGoldensTest {

  private static final Instant AUTHORIZED = Instant.parse("2026-05-01T01:00:00Z");

  @Inject ObjectMapper mapper;

  private void assertGolden(String type, Object payload) throws Exception {
    String written = mapper.writeValueAsString(payload);
    assertEquals(Goldens.node(type), mapper.readTree(written));
    assertEquals(List.of(), ContractSchemas.validate(type, Goldens.json(type)), "golden");
    assertEquals(List.of(), ContractSchemas.validate(type, written), "written");
  }

  @Test
  void entitlementChangedMatchesItsGolden() throws Exception {
    Entitlement entitlement =
        new Entitlement(
            "NSX-GP-0001",
            "P-1001",
            "C-7001",
            "NetScaler MPX 9100",
            MaintenanceLevel.GOLD_PLUS,
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2027-12-31"),
            LocalDate.parse("2025-12-15"),
            LocalDate.parse("2030-06-30"),
            null,
            null);
    assertGolden(
        EventTypes.ENTITLEMENT_CHANGED,
        Events.EntitlementChanged.of(entitlement, Instant.parse("2026-05-01T00:00:00Z")));
  }

  @Test
  void rmaAuthorizedMatchesItsGolden() throws Exception {
    assertGolden(EventTypes.RMA_AUTHORIZED, Events.RmaAuthorized.of(goldPlusRma()));
  }

  @Test
  void rmaReinstatedMatchesItsGolden() throws Exception {
    Rma reinstated =
        goldPlusRma()
            .cancel(Instant.parse("2026-05-01T02:00:00Z"))
            .orElseThrow()
            .ship(Instant.parse("2026-05-01T01:59:00Z"))
            .orElseThrow();
    assertGolden(
        EventTypes.RMA_REINSTATED,
        Events.RmaReinstated.of(reinstated, Instant.parse("2026-05-01T02:00:05Z")));
  }

  private static Rma goldPlusRma() {
    return Rma.accept(
        "RMA-2026-000042",
        new Rma.Request("NSX-GP-0001", "P-1001", Component.POWER_SUPPLY, "PSU failed", null),
        AUTHORIZED,
        ServiceLevel.GOLD_PLUS,
        new LevelDecision(ServiceLevel.GOLD_PLUS, null, "SC-TYO-1"),
        new Issuance(RmaStatus.AUTHORIZED, AUTHORIZED, null),
        new Sla(Target.DELIVERY, AUTHORIZED.plus(SlaPolicy.GOLD_PLUS_TARGET)),
        new Address(
            "1-1 Marunouchi",
            "Floor 12",
            "Chiyoda-ku",
            "Tokyo",
            "100-0005",
            "JP",
            35.6812,
            139.7671),
        3);
  }

  @Test
  void rmaCancelledAndClosedMatchTheirGoldens() throws Exception {
    assertGolden(
        EventTypes.RMA_CANCELLED,
        new Events.RmaEnded(
            "RMA-2026-000042", "NSX-GP-0001", Instant.parse("2026-05-01T02:00:00Z")));
    assertGolden(
        EventTypes.RMA_CLOSED,
        new Events.RmaEnded(
            "RMA-2026-000042", "NSX-GP-0001", Instant.parse("2026-05-01T04:10:00Z")));
  }

  @Test
  void reservationAbandonedMatchesItsGolden() throws Exception {
    assertGolden(
        EventTypes.RMA_RESERVATION_ABANDONED,
        new Events.ReservationAbandoned(
            "RMA-2026-000042",
            "NSX-GP-0001",
            Instant.parse("2026-05-01T01:00:00Z"),
            Instant.parse("2026-05-01T01:02:00Z")));
  }
}
