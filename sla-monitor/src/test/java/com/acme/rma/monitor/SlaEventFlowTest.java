package com.acme.rma.monitor;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.contract.ContractSchemas;
import com.acme.rma.testsupport.DatabaseOutage;
import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The clock driven by events alone, through the real broker and the real database: the producers'
 * golden events in, the monitor's golden alerts out, fired by the monitor's own timer.
 */
@QuarkusTest
class SlaEventFlowTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Inject MutableClock clock;
  @Inject EntityManager em;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String dbUser;

  @ConfigProperty(name = "quarkus.datasource.password")
  String dbPassword;

  @AfterEach
  void systemTime() {
    clock.useSystemTime();
  }

  // ---------------------------------------------------------------- helpers

  private KafkaTestClient kafka() {
    return new KafkaTestClient(bootstrap);
  }

  private void intake(String type, String rma, String json) {
    kafka().sendCloudEvent("rma.lifecycle", rma, type, "/rma-intake", json);
  }

  private void dispatch(String type, String rma, Map<String, Object> changes) {
    Map<String, Object> all = new java.util.HashMap<>(changes);
    all.put("rmaNumber", rma);
    kafka()
        .sendCloudEvent(
            "dispatch.shipments", rma, type, "/rma-dispatch", Fixtures.event(type, all));
  }

  private static JsonPath sla(String rma) {
    return given()
        .auth()
        .oauth2(TestTokens.ops())
        .get("/api/v1/slas/{n}", rma)
        .then()
        .extract()
        .jsonPath();
  }

  private static int status(String rma) {
    return given().auth().oauth2(TestTokens.ops()).get("/api/v1/slas/{n}", rma).statusCode();
  }

  private static JsonPath awaitState(String rma, String state) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> status(rma) == 200 && state.equals(sla(rma).getString("state")));
    return sla(rma);
  }

  /** Waits until the clock has stayed in this state for a while (nothing fired, nothing moved). */
  private static void staysInState(String rma, String state) {
    await()
        .during(Duration.ofMillis(800))
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> state.equals(sla(rma).getString("state")));
  }

  private List<ConsumerRecord<String, String>> alerts(String rma, String type, int atLeast) {
    List<ConsumerRecord<String, String>> seen =
        kafka().readUntil("sla.alerts", records -> count(records, rma, type) >= atLeast, WAIT);
    return seen.stream()
        .filter(r -> rma.equals(r.key()))
        .filter(r -> type.equals(KafkaTestClient.header(r, "ce_type")))
        .toList();
  }

  /** Alerts of this type written for the RMA: the outbox row commits with the clock's change. */
  private long written(String rma, String type) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from outbox_event where record_key = :k and type = :t")
                            .setParameter("k", rma)
                            .setParameter("t", type)
                            .getSingleResult())
                    .longValue());
  }

  private static long count(List<ConsumerRecord<String, String>> records, String rma, String type) {
    return records.stream()
        .filter(r -> rma.equals(r.key()))
        .filter(r -> type.equals(KafkaTestClient.header(r, "ce_type")))
        .count();
  }

  private static void assertGolden(String type, String rma, ConsumerRecord<String, String> record) {
    ObjectNode expected = Fixtures.golden(type);
    expected.put("rmaNumber", rma);
    JsonNode actual = Fixtures.parse(record.value());
    assertEquals(expected, actual, "payload of " + type);
    assertEquals(List.of(), ContractSchemas.validate(type, record.value()), "schema of " + type);
    assertEquals("/sla-monitor", KafkaTestClient.header(record, "ce_source"));
    assertEquals("application/json", KafkaTestClient.header(record, "content-type"));
  }

  // ---------------------------------------------------------------- start, at risk, breach

  @Test
  void startsOnIntakesGoldenAuthorizationAndFiresAtRiskAndBreachByItsOwnTimer() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T02:00:00Z"));
    intake("rma.authorized.v1", rma, Fixtures.event("rma.authorized.v1", Map.of("rmaNumber", rma)));

    JsonPath running = awaitState(rma, "RUNNING");
    assertEquals("2026-05-01T01:00:00Z", running.getString("startedAt"));
    assertEquals("2026-05-01T05:00:00Z", running.getString("dueAt"));
    assertEquals("2026-05-01T04:00:00Z", running.getString("atRiskAt"));

    // no event arrives from here on: only time moves
    clock.set(Instant.parse("2026-05-01T03:59:59.999Z"));
    staysInState(rma, "RUNNING");
    clock.set(Instant.parse("2026-05-01T04:00:00Z"));
    awaitState(rma, "AT_RISK");
    assertGolden("sla.at-risk.v1", rma, alerts(rma, "sla.at-risk.v1", 1).get(0));

    // the deadline itself is still in time: breached only once it has passed
    clock.set(Instant.parse("2026-05-01T05:00:00Z"));
    staysInState(rma, "AT_RISK");
    clock.set(Instant.parse("2026-05-01T05:00:00.000001Z"));
    JsonPath breached = awaitState(rma, "BREACHED");
    assertEquals("2026-05-01T05:00:00Z", breached.getString("breachedAt"));
    assertGolden("sla.breached.v1", rma, alerts(rma, "sla.breached.v1", 1).get(0));

    // later ticks fire nothing more
    clock.set(Instant.parse("2026-05-01T09:00:00Z"));
    staysInState(rma, "BREACHED");
    assertEquals(1, written(rma, "sla.at-risk.v1"));
    assertEquals(1, written(rma, "sla.breached.v1"));
    assertEquals(1, alerts(rma, "sla.breached.v1", 1).size());
  }

  @Test
  void anAuthorizationAlreadyOverdueIsBreachedAtOnceWithOneAlert() {
    String rma = Fixtures.newRmaNumber();
    Instant authorizedAt = clock.instant().minus(Duration.ofHours(5));
    intake("rma.authorized.v1", rma, Fixtures.authorized(rma, "GOLD_PLUS", authorizedAt));

    JsonPath breached = awaitState(rma, "BREACHED");
    List<ConsumerRecord<String, String>> alerts = alerts(rma, "sla.breached.v1", 1);
    assertEquals(1, alerts.size());
    assertEquals(1, written(rma, "sla.breached.v1"));
    assertEquals(0, written(rma, "sla.at-risk.v1"));
    assertEquals(
        breached.getString("dueAt"),
        Fixtures.parse(alerts.get(0).value()).get("occurredAt").asText());
  }

  // ---------------------------------------------------------------- stops

  @Test
  void aShipmentInTimeIsMetAndAnnouncedAsInTheGolden() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-07T02:00:00Z"));
    intake(
        "rma.authorized.v1",
        rma,
        Fixtures.authorized(rma, "SILVER", Instant.parse("2026-05-07T01:00:00Z")));
    awaitState(rma, "RUNNING");

    clock.set(Instant.parse("2026-05-08T02:15:05Z"));
    dispatch(
        "dispatch.shipment.shipped.v1",
        rma,
        Map.of("serviceLevel", "SILVER", "occurredAt", "2026-05-08T02:15:00Z"));

    JsonPath met = awaitState(rma, "MET");
    assertEquals("2026-05-08T02:15:00Z", met.getString("stoppedAt"));
    assertGolden("sla.met.v1", rma, alerts(rma, "sla.met.v1", 1).get(0));
  }

  @Test
  void aDeliveryDatedInTimeThatArrivesAfterTheBreachMakesTheClockMetWithACorrection() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T05:00:01Z"));
    intake("rma.authorized.v1", rma, Fixtures.event("rma.authorized.v1", Map.of("rmaNumber", rma)));
    awaitState(rma, "BREACHED");
    alerts(rma, "sla.breached.v1", 1);

    // the carrier's feed lagged: delivered exactly at the deadline, heard of afterwards
    dispatch("dispatch.shipment.delivered.v1", rma, Map.of("occurredAt", "2026-05-01T05:00:00Z"));
    JsonPath met = awaitState(rma, "MET");
    assertEquals("2026-05-01T05:00:00Z", met.getString("stoppedAt"));
    assertEquals(null, met.getString("breachedAt"));
    JsonNode correction = Fixtures.parse(alerts(rma, "sla.met.v1", 1).get(0).value());
    assertTrue(correction.get("correctsBreach").asBoolean(), correction.toString());
    assertEquals("MET", correction.get("state").asText());
    assertEquals("2026-05-01T05:00:00Z", correction.get("occurredAt").asText());

    // not breached twice, and no longer among the breached clocks
    clock.set(Instant.parse("2026-05-01T09:00:00Z"));
    staysInState(rma, "MET");
    assertEquals(1, written(rma, "sla.breached.v1"));
    assertEquals(1, written(rma, "sla.met.v1"));
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .queryParam("state", "BREACHED")
        .queryParam("size", 200)
        .queryParam("sort", "-dueAt")
        .get("/api/v1/slas")
        .then()
        .statusCode(200)
        .body("items.rmaNumber", not(hasItem(rma)));
  }

  @Test
  void aShipmentDoesNotStopAGoldPlusClockButItsDeliveryDoes() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T02:00:00Z"));
    intake("rma.authorized.v1", rma, Fixtures.event("rma.authorized.v1", Map.of("rmaNumber", rma)));
    awaitState(rma, "RUNNING");

    dispatch("dispatch.shipment.created.v1", rma, Map.of());
    dispatch("dispatch.shipment.shipped.v1", rma, Map.of());
    dispatch("dispatch.shipment.delivery-failed.v1", rma, Map.of());
    staysInState(rma, "RUNNING");

    dispatch("dispatch.shipment.delivered.v1", rma, Map.of("occurredAt", "2026-05-01T04:30:00Z"));
    JsonPath met = awaitState(rma, "MET");
    assertEquals("2026-05-01T04:30:00Z", met.getString("stoppedAt"));
  }

  @Test
  void aDeliveryAfterTheDeadlineKeepsTheBreachAndRecordsByHowMuch() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T06:00:00Z"));
    intake("rma.authorized.v1", rma, Fixtures.event("rma.authorized.v1", Map.of("rmaNumber", rma)));
    awaitState(rma, "BREACHED");

    dispatch("dispatch.shipment.delivered.v1", rma, Map.of("occurredAt", "2026-05-01T06:30:00Z"));
    await().atMost(WAIT).until(() -> sla(rma).get("lateBySeconds") != null);
    JsonPath late = sla(rma);
    assertEquals("BREACHED", late.getString("state"));
    assertEquals(5400, late.getInt("lateBySeconds"));
    assertEquals("2026-05-01T06:30:00Z", late.getString("stoppedAt"));
    assertEquals(1, written(rma, "sla.breached.v1"));
    assertEquals(0, written(rma, "sla.met.v1")); // a late stop raises no alert
  }

  @Test
  void aClosedRmaStopsItsClock() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T02:00:00Z"));
    intake("rma.authorized.v1", rma, Fixtures.event("rma.authorized.v1", Map.of("rmaNumber", rma)));
    awaitState(rma, "RUNNING");
    intake("rma.closed.v1", rma, Fixtures.event("rma.closed.v1", Map.of("rmaNumber", rma)));
    assertEquals("2026-05-01T04:10:00Z", awaitState(rma, "MET").getString("stoppedAt"));
  }

  @Test
  void aCancelledRmaEndsItsClockWithoutAVerdict() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T01:30:00Z"));
    intake("rma.authorized.v1", rma, Fixtures.event("rma.authorized.v1", Map.of("rmaNumber", rma)));
    awaitState(rma, "RUNNING");
    intake("rma.cancelled.v1", rma, Fixtures.event("rma.cancelled.v1", Map.of("rmaNumber", rma)));
    JsonPath cancelled = awaitState(rma, "CANCELLED");
    assertEquals("2026-05-01T02:00:00Z", cancelled.getString("stoppedAt"));

    clock.set(Instant.parse("2026-05-01T06:00:00Z"));
    staysInState(rma, "CANCELLED");
  }

  // ---------------------------------------------------------------- reinstated after a cancel

  private void intakeWithId(String type, String rma, String id, String json) {
    kafka()
        .send(
            "rma.lifecycle",
            rma,
            json,
            Map.of(
                "ce_specversion", "1.0",
                "ce_id", id,
                "ce_source", "/rma-intake",
                "ce_type", type,
                "ce_time", "2026-05-01T02:00:05Z",
                "content-type", "application/json"));
  }

  @Test
  void aReinstatedRmaGetsItsClockBackByItsOriginalDeadlineOnceEvenWhenRedelivered() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T02:30:00Z"));
    intake("rma.authorized.v1", rma, Fixtures.event("rma.authorized.v1", Map.of("rmaNumber", rma)));
    intake("rma.cancelled.v1", rma, Fixtures.event("rma.cancelled.v1", Map.of("rmaNumber", rma)));
    awaitState(rma, "CANCELLED");

    String reinstated = Fixtures.event("rma.reinstated.v1", Map.of("rmaNumber", rma));
    String id = UUID.randomUUID().toString();
    intakeWithId("rma.reinstated.v1", rma, id, reinstated);
    JsonPath running = awaitState(rma, "RUNNING");
    assertEquals("2026-05-01T01:00:00Z", running.getString("startedAt"));
    assertEquals("2026-05-01T05:00:00Z", running.getString("dueAt"));
    assertEquals(null, running.getString("stoppedAt"));
    intakeWithId("rma.reinstated.v1", rma, id, reinstated);

    // time passes the original deadline: breached once, as if never cancelled
    clock.set(Instant.parse("2026-05-01T05:00:01Z"));
    awaitState(rma, "BREACHED");
    staysInState(rma, "BREACHED");
    assertEquals(1, written(rma, "sla.breached.v1"));
    assertEquals(0, written(rma, "sla.at-risk.v1"));
  }

  @Test
  void aShipmentHeardWhileTheClockWasCancelledStopsItWhenTheRmaIsReinstated() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-07T02:10:00Z"));
    intake(
        "rma.authorized.v1",
        rma,
        Fixtures.authorized(rma, "SILVER", Instant.parse("2026-05-07T01:00:00Z")));
    intake(
        "rma.cancelled.v1",
        rma,
        Fixtures.event("rma.cancelled.v1", Map.of("rmaNumber", rma, "at", "2026-05-07T02:00:00Z")));
    awaitState(rma, "CANCELLED");
    dispatch(
        "dispatch.shipment.shipped.v1",
        rma,
        Map.of("serviceLevel", "SILVER", "occurredAt", "2026-05-07T01:50:00Z"));
    staysInState(rma, "CANCELLED");
    assertEquals(0, written(rma, "sla.met.v1"));

    intake("rma.reinstated.v1", rma, Fixtures.event("rma.reinstated.v1", Map.of("rmaNumber", rma)));

    JsonPath met = awaitState(rma, "MET");
    assertEquals("2026-05-07T01:50:00Z", met.getString("stoppedAt"));
    assertEquals(1, alerts(rma, "sla.met.v1", 1).size());
    assertEquals(1, written(rma, "sla.met.v1"));
  }

  // ---------------------------------------------------------------- export hold

  @Test
  void anExportHoldPausesTheClockAndClearanceRestartsItWithTheFullTarget() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T01:30:00Z"));
    intake(
        "rma.authorized.v1",
        rma,
        Fixtures.authorized(rma, "SILVER", Instant.parse("2026-05-01T01:00:00Z")));
    assertEquals("2026-05-07T08:30:00Z", awaitState(rma, "RUNNING").getString("dueAt"));

    dispatch("dispatch.shipment.created.v1", rma, Map.of("status", "EXPORT_HOLD"));
    String heldId = UUID.randomUUID().toString();
    String held = Fixtures.event("dispatch.shipment.export-held.v1", Map.of("rmaNumber", rma));
    Map<String, String> heldHeaders =
        Map.of(
            "ce_specversion", "1.0",
            "ce_id", heldId,
            "ce_source", "/rma-dispatch",
            "ce_type", "dispatch.shipment.export-held.v1",
            "content-type", "application/json");
    kafka().send("dispatch.shipments", rma, held, heldHeaders);
    assertEquals("2026-05-01T02:00:00Z", awaitState(rma, "PAUSED").getString("pausedAt"));

    // long past the old deadline: a paused clock neither becomes at risk nor breaches
    clock.set(Instant.parse("2026-05-08T00:00:00Z"));
    staysInState(rma, "PAUSED");

    // cleared Fri 2026-05-08 08:00 Tokyo: the full target again, 17:30 on Monday
    dispatch(
        "dispatch.shipment.export-cleared.v1", rma, Map.of("occurredAt", "2026-05-07T23:00:00Z"));
    JsonPath resumed = awaitState(rma, "RUNNING");
    assertEquals("2026-05-07T23:00:00Z", resumed.getString("startedAt"));
    assertEquals("2026-05-11T08:30:00Z", resumed.getString("dueAt"));

    // the same hold delivered again (same ce_source + ce_id) has no second effect: the clock keeps
    // running, so a shipment after the new deadline is late rather than met-while-paused
    kafka().send("dispatch.shipments", rma, held, heldHeaders);
    dispatch(
        "dispatch.shipment.shipped.v1",
        rma,
        Map.of("serviceLevel", "SILVER", "occurredAt", "2026-05-11T09:30:00Z"));
    await().atMost(WAIT).until(() -> sla(rma).get("stoppedAt") != null);
    JsonPath late = sla(rma);
    assertEquals("BREACHED", late.getString("state"));
    assertEquals(3600, late.getInt("lateBySeconds"));
  }

  @Test
  void anExportHoldDatedAtTheAuthorizationPausesTheClockFromItsStart() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T01:30:00Z"));
    intake("rma.authorized.v1", rma, Fixtures.event("rma.authorized.v1", Map.of("rmaNumber", rma)));
    // dispatch dates the hold at the authorization itself, however late it consumed it
    dispatch(
        "dispatch.shipment.export-held.v1",
        rma,
        Map.of("serviceLevel", "GOLD_PLUS", "occurredAt", "2026-05-01T01:00:00Z"));

    JsonPath paused = awaitState(rma, "PAUSED");
    assertEquals("2026-05-01T01:00:00Z", paused.getString("startedAt"));
    assertEquals("2026-05-01T01:00:00Z", paused.getString("pausedAt"));
    clock.set(Instant.parse("2026-05-01T09:00:00Z"));
    staysInState(rma, "PAUSED");
    assertEquals(0, written(rma, "sla.at-risk.v1"));
    assertEquals(0, written(rma, "sla.breached.v1"));
  }

  // ---------------------------------------------------------------- ordering and bad input

  @Test
  void aShipmentEventThatOvertakesItsAuthorizationIsAppliedWhenTheAuthorizationArrives() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-08T03:00:00Z"));
    dispatch(
        "dispatch.shipment.shipped.v1",
        rma,
        Map.of("serviceLevel", "SILVER", "occurredAt", "2026-05-08T02:15:00Z"));
    await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> status(rma) == 404);

    intake(
        "rma.authorized.v1",
        rma,
        Fixtures.authorized(rma, "SILVER", Instant.parse("2026-05-07T01:00:00Z")));
    JsonPath met = awaitState(rma, "MET");
    assertEquals("2026-05-08T02:15:00Z", met.getString("stoppedAt"));
    assertEquals(1, alerts(rma, "sla.met.v1", 1).size());
  }

  @Test
  void unreadableEventsGoToTheDeadLetterTopicAndConsumptionGoesOn() {
    String bad = Fixtures.newRmaNumber();
    String good = Fixtures.newRmaNumber();
    intake("rma.authorized.v1", bad, "this is not json");
    intake(
        "rma.authorized.v1",
        bad,
        Fixtures.authorized(bad, "PLATINUM", Instant.parse("2026-05-01T01:00:00Z")));
    dispatch("dispatch.shipment.shipped.v1", bad, Map.of("occurredAt", "soon"));
    intake("rma.authorized.v1", good, Fixtures.authorized(good, "GOLD", clock.instant()));

    awaitState(good, "RUNNING");
    assertEquals(404, status(bad));
    List<ConsumerRecord<String, String>> dead =
        kafka()
            .readUntil(
                "sla-monitor.dlq",
                records -> records.stream().filter(r -> bad.equals(r.key())).count() >= 3,
                WAIT);
    List<ConsumerRecord<String, String>> ours =
        dead.stream().filter(r -> bad.equals(r.key())).toList();
    assertEquals(3, ours.size());
    for (ConsumerRecord<String, String> record : ours) {
      String reason = KafkaTestClient.header(record, "dead-letter-reason");
      assertTrue(reason != null && !reason.isBlank(), "a reason is given");
    }
    assertTrue(
        ours.stream()
            .anyMatch(r -> KafkaTestClient.header(r, "dead-letter-reason").contains("PLATINUM")),
        ours.stream()
            .map(r -> KafkaTestClient.header(r, "dead-letter-reason"))
            .collect(java.util.stream.Collectors.joining(" | ")));
  }

  @Test
  void aSecondAuthorizationOfTheSameRmaChangesNothing() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T02:00:00Z"));
    intake(
        "rma.authorized.v1",
        rma,
        Fixtures.authorized(rma, "GOLD_PLUS", Instant.parse("2026-05-01T01:00:00Z")));
    awaitState(rma, "RUNNING");
    intake(
        "rma.authorized.v1",
        rma,
        Fixtures.authorized(rma, "BRONZE", Instant.parse("2026-05-01T01:30:00Z")));
    intake(
        "rma.cancelled.v1",
        rma,
        Fixtures.event("rma.cancelled.v1", Map.of("rmaNumber", rma, "at", "2026-05-01T02:00:00Z")));
    JsonPath cancelled = awaitState(rma, "CANCELLED");
    assertEquals("GOLD_PLUS", cancelled.getString("serviceLevel"));
    assertEquals("2026-05-01T01:00:00Z", cancelled.getString("startedAt"));
  }

  // ---------------------------------------------------------------- outages

  @Test
  void anAuthorizationArrivingWhileTheDatabaseIsDownStartsItsClockAfterwardsAndIsNotDeadLettered() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T02:00:00Z"));
    try (DatabaseOutage outage = DatabaseOutage.begin(jdbcUrl, dbUser, dbPassword)) {
      intake(
          "rma.authorized.v1",
          rma,
          Fixtures.authorized(rma, "GOLD_PLUS", Instant.parse("2026-05-01T01:30:00Z")));
      await()
          .atMost(WAIT)
          .until(() -> given().get("/q/health/ready").asString().contains("stalled since"));
      given().get("/q/health/live").then().statusCode(200);
    }

    JsonPath running = awaitState(rma, "RUNNING");
    assertEquals("2026-05-01T05:30:00Z", running.getString("dueAt"));
    List<ConsumerRecord<String, String>> dead = kafka().readToEnd("sla-monitor.dlq", WAIT);
    assertTrue(
        dead.stream().noneMatch(r -> rma.equals(r.key())),
        "the authorization was dead-lettered during the outage");
  }
}
