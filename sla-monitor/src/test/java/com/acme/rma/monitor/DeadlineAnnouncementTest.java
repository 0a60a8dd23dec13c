package com.acme.rma.monitor;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.contract.EventTypes;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every change of a started clock's deadline is announced on {@code sla.clocks} as {@code
 * sla.deadline-changed.v1}, through the real broker: an export hold (no deadline while paused), its
 * clearance (the moved deadline, as in the golden), a hold heard before the authorization; stops
 * and time passing announce nothing.
 */
@QuarkusTest
class DeadlineAnnouncementTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String TYPE = EventTypes.SLA_DEADLINE_CHANGED;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Inject MutableClock clock;
  @Inject EntityManager em;

  @AfterEach
  void systemTime() {
    clock.useSystemTime();
  }

  private KafkaTestClient kafka() {
    return new KafkaTestClient(bootstrap);
  }

  private void authorized(String rma, String level, String at) {
    kafka()
        .sendCloudEvent(
            "rma.lifecycle",
            rma,
            "rma.authorized.v1",
            "/rma-intake",
            Fixtures.authorized(rma, level, Instant.parse(at)));
  }

  private void dispatch(String type, String rma, String occurredAt) {
    Map<String, Object> changes = new HashMap<>();
    changes.put("rmaNumber", rma);
    changes.put("occurredAt", occurredAt);
    kafka()
        .sendCloudEvent(
            "dispatch.shipments", rma, type, "/rma-dispatch", Fixtures.event(type, changes));
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

  private static JsonPath awaitState(String rma, String state) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                given().auth().oauth2(TestTokens.ops()).get("/api/v1/slas/{n}", rma).statusCode()
                        == 200
                    && state.equals(sla(rma).getString("state")));
    return sla(rma);
  }

  /** The announcements of this RMA on the topic, in order, once there are {@code atLeast}. */
  private List<ConsumerRecord<String, String>> announcements(String rma, int atLeast) {
    return kafka()
        .readUntil(
            "sla.clocks",
            seen -> seen.stream().filter(r -> isAnnouncement(r, rma)).count() >= atLeast,
            WAIT)
        .stream()
        .filter(r -> isAnnouncement(r, rma))
        .toList();
  }

  private static boolean isAnnouncement(ConsumerRecord<String, String> record, String rma) {
    return rma.equals(record.key()) && TYPE.equals(KafkaTestClient.header(record, "ce_type"));
  }

  /** Announcements written for the RMA: the outbox row commits with the clock's change. */
  private long written(String rma) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from outbox_event where record_key = :k and type = :t")
                            .setParameter("k", rma)
                            .setParameter("t", TYPE)
                            .getSingleResult())
                    .longValue());
  }

  @Test
  void anExportHoldAnnouncesNoDeadlineAndItsClearanceTheMovedOneAsInTheGolden() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T01:30:00Z"));
    authorized(rma, "GOLD_PLUS", "2026-05-01T01:00:00Z");
    awaitState(rma, "RUNNING");
    assertEquals(0, written(rma), "a start is not a change: intake computed the same deadline");

    clock.set(Instant.parse("2026-05-01T02:00:05Z"));
    dispatch("dispatch.shipment.export-held.v1", rma, "2026-05-01T02:00:00Z");
    awaitState(rma, "PAUSED");
    ConsumerRecord<String, String> hold = announcements(rma, 1).get(0);
    JsonNode paused = Fixtures.parse(hold.value());
    assertTrue(paused.get("dueAt").isNull(), hold.value());
    assertEquals("2026-05-01T05:00:00Z", paused.get("previousDueAt").asText());
    assertEquals("PAUSED", paused.get("state").asText());
    assertEquals("2026-05-01T02:00:00Z", paused.get("pausedAt").asText());
    assertEquals("EXPORT_HOLD", paused.get("reason").asText());
    assertEquals("2026-05-01T02:00:05Z", paused.get("occurredAt").asText());
    assertEquals("/sla-monitor", KafkaTestClient.header(hold, "ce_source"));

    clock.set(Instant.parse("2026-05-02T09:00:05Z"));
    dispatch("dispatch.shipment.export-cleared.v1", rma, "2026-05-02T09:00:00Z");
    JsonPath running = awaitState(rma, "RUNNING");
    ConsumerRecord<String, String> clearance = announcements(rma, 2).get(1);
    ObjectNode expected = Fixtures.golden(TYPE);
    expected.put("rmaNumber", rma);
    assertEquals(expected, Fixtures.parse(clearance.value()), "payload of " + TYPE);
    assertEquals(
        running.getString("dueAt"), Fixtures.parse(clearance.value()).get("dueAt").asText());
    assertEquals("application/json", KafkaTestClient.header(clearance, "content-type"));

    // delivered in time: the clock ends, its deadline is not announced again
    dispatch("dispatch.shipment.delivered.v1", rma, "2026-05-02T10:00:00Z");
    awaitState(rma, "MET");
    assertEquals(2, written(rma));
  }

  @Test
  void aHoldHeardBeforeTheAuthorizationIsAnnouncedWhenTheClockStarts() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-07T02:00:05Z"));
    dispatch("dispatch.shipment.export-held.v1", rma, "2026-05-07T01:00:00Z");
    await()
        .during(Duration.ofMillis(300))
        .atMost(WAIT)
        .until(
            () ->
                given().auth().oauth2(TestTokens.ops()).get("/api/v1/slas/{n}", rma).statusCode()
                    == 404);

    authorized(rma, "GOLD", "2026-05-07T01:00:00Z");
    awaitState(rma, "PAUSED");
    JsonNode announced = Fixtures.parse(announcements(rma, 1).get(0).value());
    assertTrue(announced.get("dueAt").isNull());
    // the deadline intake computed at the authorization: Fri 2026-05-08 17:30 Tokyo
    assertEquals("2026-05-08T08:30:00Z", announced.get("previousDueAt").asText());
    assertEquals("SHIPMENT", announced.get("target").asText());
    assertEquals("JP", announced.get("calendar").asText());
    assertEquals("EXPORT_HOLD", announced.get("reason").asText());
    assertEquals(1, written(rma));
  }

  @Test
  void theIntakeGoldenOfTheAuthorizationStartsAClockWhoseDeadlineIsTheOneIntakeAnnounced() {
    // rma-intake and the monitor compute deadlines with the same terms: no announcement is needed
    // for a clock that has not changed since it started
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T01:30:00Z"));
    kafka()
        .sendCloudEvent(
            "rma.lifecycle",
            rma,
            "rma.authorized.v1",
            "/rma-intake",
            Fixtures.event("rma.authorized.v1", Map.of("rmaNumber", rma)));
    JsonNode golden = Fixtures.golden("rma.authorized.v1");
    assertEquals(golden.at("/sla/dueAt").asText(), awaitState(rma, "RUNNING").getString("dueAt"));
    assertEquals(0, written(rma));
  }
}
