package com.acme.rma.intake.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.intake.application.IssueQueuedRmas;
import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.intake.support.Outboxes;
import com.acme.rma.platform.outbox.OutboxEvent;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests outside support hours (rules §2): queued, then issued once by the scheduler. */
@QuarkusTest
class QueuedRmaTest {

  /** Sat 2026-05-09 12:00 Tokyo: outside support hours. */
  private static final Instant SATURDAY_NOON = Instant.parse("2026-05-09T03:00:00Z");

  /** Mon 2026-05-11 09:30 Tokyo: the next opening. */
  private static final Instant MONDAY_OPENING = Instant.parse("2026-05-11T00:30:00Z");

  @Inject MutableClock clock;
  @Inject IssueQueuedRmas issuer;
  @Inject ObjectMapper mapper;

  private String partner;

  @BeforeEach
  void saturday() {
    clock.set(SATURDAY_NOON);
    partner = Fixtures.partner();
  }

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  @Test
  void queuesASilverRequestOutsideSupportHoursAndIssuesItOnceAtTheNextOpening() throws Exception {
    String number =
        Fixtures.postRma(
                partner, Fixtures.key(), Fixtures.request(Fixtures.appliance(partner, "SILVER")))
            .statusCode(201)
            .body("status", equalTo("QUEUED"))
            .body("authorizedAt", nullValue())
            .body("issuesAt", equalTo("2026-05-11T00:30:00Z"))
            .body("sla.target", equalTo("SHIPMENT"))
            // counted from the issue: 17:30 JST on Tue 12 May
            .body("sla.dueAt", equalTo("2026-05-12T08:30:00Z"))
            .extract()
            .path("rmaNumber");
    assertEquals(0, Outboxes.rows(number, "rma.authorized.v1").size());

    // the scheduler runs late: 3 minutes after the opening
    clock.set(MONDAY_OPENING.plus(Duration.ofMinutes(3)));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                Fixtures.get(TestTokens.ops(), number)
                    .statusCode(200)
                    .body("status", equalTo("AUTHORIZED")));
    Fixtures.get(TestTokens.partner(partner), number)
        .body("authorizedAt", equalTo("2026-05-11T00:30:00Z"))
        .body("issuesAt", nullValue())
        .body("sla.dueAt", equalTo("2026-05-12T08:30:00Z"));

    issuer.issueDue(); // a second run (or another replica) finds nothing left to issue
    List<OutboxEvent> events = Outboxes.rows(number, "rma.authorized.v1");
    assertEquals(1, events.size());
    JsonNode payload = mapper.readTree(events.get(0).payload);
    assertEquals("2026-05-11T00:30:00Z", payload.get("authorizedAt").asText());
    assertEquals("2026-05-12T08:30:00Z", payload.at("/sla/dueAt").asText());
  }

  @Test
  void staysQueuedUntilTheOpening() {
    String number = Fixtures.rma(partner, Fixtures.request(Fixtures.appliance(partner, "BRONZE")));
    clock.set(MONDAY_OPENING.minusSeconds(1));
    issuer.issueDue();
    Fixtures.get(TestTokens.ops(), number).statusCode(200).body("status", equalTo("QUEUED"));
    assertEquals(0, Outboxes.rows(number, "rma.authorized.v1").size());
  }

  @Test
  void issuesGoldAtOnceOutsideSupportHours() {
    Fixtures.postRma(partner, Fixtures.key(), Fixtures.request(Fixtures.appliance(partner, "GOLD")))
        .statusCode(201)
        .body("status", equalTo("AUTHORIZED"))
        .body("authorizedAt", equalTo("2026-05-09T03:00:00Z"))
        .body("issuesAt", nullValue())
        // the day of issue never counts: Monday 11 May 17:30 JST
        .body("sla.dueAt", equalTo("2026-05-11T08:30:00Z"));
  }

  @Test
  void aQueuedRmaCancelledBeforeTheOpeningIsNeverIssued() {
    String number = Fixtures.rma(partner, Fixtures.request(Fixtures.appliance(partner, "SILVER")));
    Fixtures.cancel(TestTokens.partner(partner), number)
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    clock.set(MONDAY_OPENING);
    issuer.issueDue();
    Fixtures.get(TestTokens.ops(), number).body("status", equalTo("CANCELLED"));
    assertEquals(0, Outboxes.rows(number, "rma.authorized.v1").size());
  }
}
