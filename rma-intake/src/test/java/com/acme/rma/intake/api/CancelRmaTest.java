package com.acme.rma.intake.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.intake.application.RecordShipmentProgress;
import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.intake.support.Outboxes;
import com.acme.rma.platform.outbox.OutboxEvent;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CancelRmaTest {

  @Inject MutableClock clock;
  @Inject RecordShipmentProgress progress;
  @Inject ObjectMapper mapper;

  private String partner;
  private String serial;

  @BeforeEach
  void anAuthorizedRma() {
    clock.set(Fixtures.FRIDAY_MORNING);
    partner = Fixtures.partner();
    serial = Fixtures.appliance(partner, "GOLD");
  }

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  @Test
  void theOwnerCancelsAnAuthorizedRmaAndTheCancellationIsPublished() throws Exception {
    String number = Fixtures.rma(partner, Fixtures.request(serial));
    clock.advance(Duration.ofMinutes(10));
    Fixtures.cancel(TestTokens.partner(partner), number)
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("cancelledAt", equalTo("2026-05-01T01:10:00Z"));

    List<OutboxEvent> events = Outboxes.rows(number, "rma.cancelled.v1");
    assertEquals(1, events.size());
    assertEquals("rma.lifecycle", events.get(0).topic);
    assertEquals(
        Map.of("rmaNumber", number, "serialNumber", serial, "at", "2026-05-01T01:10:00Z"),
        mapper.readValue(events.get(0).payload, Map.class));
  }

  @Test
  void opsCancelAnyPartnersRma() {
    String number = Fixtures.rma(partner, Fixtures.request(serial));
    Fixtures.cancel(TestTokens.ops(), number).statusCode(200).body("status", equalTo("CANCELLED"));
  }

  @Test
  void anotherPartnerGets404AndLogisticsMayNotCancel() {
    String number = Fixtures.rma(partner, Fixtures.request(serial));
    Fixtures.cancel(TestTokens.partner(Fixtures.partner()), number)
        .statusCode(404)
        .body("code", equalTo("RMA_NOT_FOUND"));
    Fixtures.cancel(TestTokens.logistics(), number).statusCode(403);
    Fixtures.cancel(TestTokens.ops(), "RMA-1999-000001").statusCode(404);
    Fixtures.get(TestTokens.ops(), number).statusCode(200).body("status", equalTo("AUTHORIZED"));
  }

  @Test
  void refusesToCancelAShippedRma() {
    String number = Fixtures.rma(partner, Fixtures.request(serial));
    QuarkusTransaction.requiringNew()
        .run(() -> progress.shipped(number, Instant.parse("2026-05-01T03:00:00Z")));
    Fixtures.cancel(TestTokens.partner(partner), number)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("RMA_NOT_CANCELLABLE"))
        .body("status", equalTo("SHIPPED"));
    assertEquals(0, Outboxes.rows(number, "rma.cancelled.v1").size());
  }

  @Test
  void refusesToCancelTwice() {
    String number = Fixtures.rma(partner, Fixtures.request(serial));
    Fixtures.cancel(TestTokens.partner(partner), number).statusCode(200);
    Fixtures.cancel(TestTokens.partner(partner), number)
        .statusCode(409)
        .body("code", equalTo("RMA_NOT_CANCELLABLE"));
    assertEquals(1, Outboxes.rows(number, "rma.cancelled.v1").size());
  }

  @Test
  void aCancelledRmaNoLongerBlocksANewOneForTheAppliance() {
    String number = Fixtures.rma(partner, Fixtures.request(serial));
    Fixtures.cancel(TestTokens.partner(partner), number).statusCode(200);
    Fixtures.postRma(partner, Fixtures.key(), Fixtures.request(serial)).statusCode(201);
  }
}
