package com.acme.rma.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.Inbox;
import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.platform.outbox.OutboxEvent;
import com.acme.rma.platform.outbox.OutboxGauges;
import com.acme.rma.platform.outbox.OutboxRelay;
import com.acme.rma.platform.outbox.OutgoingEvent;
import com.acme.rma.platform.retention.PlatformPurge;
import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox under rows that can never be sent, its gauges, its ops listing and the purge, through
 * the real broker and database. The relay is driven by hand here, one run per call.
 */
@QuarkusTest
@TestProfile(OutboxHealingTest.RelayByHand.class)
class OutboxHealingTest {

  /** The relay runs only when a test calls it; records over 20 000 bytes can never be sent. */
  public static class RelayByHand implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "rma.outbox.relay.enabled", "false",
          "mp.messaging.outgoing.outbox.max.request.size", "20000");
    }
  }

  private static final String TOPIC = "platform.healing";
  private static final int MAX_ATTEMPTS = 5;
  private static final String PROBLEM = "application/problem+json";

  @Inject OutboxRelay relay;
  @Inject Outbox outbox;
  @Inject Inbox inbox;
  @Inject OutboxGauges gauges;
  @Inject PlatformPurge purge;
  @Inject MeterRegistry metrics;
  @Inject MutableClock clock;
  @Inject EntityManager em;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @AfterEach
  void letTimeFlowAgain() {
    clock.useSystemTime();
  }

  @Test
  void aRowThatCanNeverBeSentIsParkedAfterItsAttemptsWhileTheRowsAroundItReachTheBroker() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    add("before-" + run, "small");
    UUID poison = add("poison-" + run, "x".repeat(30_000));
    add("after-" + run, "small");

    relay.relayPending();
    List<ConsumerRecord<String, String>> records =
        new KafkaTestClient(bootstrap)
            .readUntil(
                TOPIC,
                seen -> keys(seen).containsAll(Set.of("before-" + run, "after-" + run)),
                Duration.ofSeconds(20));
    assertFalse(keys(records).contains("poison-" + run));

    for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      OutboxEvent row = row(poison).orElseThrow();
      assertEquals(attempt, row.attempts);
      assertNull(row.parkedAt, "not parked before its last attempt");
      assertTrue(row.lastError.contains("RecordTooLargeException"), row.lastError);
      relay.relayPending();
    }
    OutboxEvent parked = row(poison).orElseThrow();
    assertEquals(MAX_ATTEMPTS, parked.attempts);
    assertNotNull(parked.parkedAt);
    assertNull(parked.publishedAt);

    // parked: later rows go out at once, the parked one is not tried any more
    add("later-" + run, "small");
    relay.relayPending();
    new KafkaTestClient(bootstrap)
        .readUntil(TOPIC, seen -> keys(seen).contains("later-" + run), Duration.ofSeconds(20));
    assertEquals(MAX_ATTEMPTS, row(poison).orElseThrow().attempts);
  }

  @Test
  void opsListsParkedRowsWithTheirReasonAndRetryPutsOneBackInTheQueue() {
    UUID poison = parkedRow();

    Map<String, Object> listed =
        given()
            .auth()
            .oauth2(TestTokens.ops())
            .queryParam("size", 200)
            .get("/api/v1/ops/outbox/parked")
            .then()
            .statusCode(200)
            .body("page", equalTo(0))
            .body("size", equalTo(200))
            .extract()
            .jsonPath()
            .param("id", poison.toString())
            .getMap("items.find { it.id == id }");
    assertNotNull(listed, "the parked row is listed");
    assertEquals(TOPIC, listed.get("topic"));
    assertEquals(MAX_ATTEMPTS, listed.get("attempts"));
    assertEquals("healing.probe.v1", listed.get("type"));
    assertTrue(listed.get("lastError").toString().contains("RecordTooLargeException"));
    assertNotNull(listed.get("parkedAt"));
    assertNotNull(listed.get("occurredAt"));
    assertNotNull(listed.get("seq"));
    assertNotNull(listed.get("key"));

    given()
        .auth()
        .oauth2(TestTokens.ops())
        .post("/api/v1/ops/outbox/parked/" + poison + "/retry")
        .then()
        .statusCode(200)
        .body("id", equalTo(poison.toString()))
        .body("attempts", equalTo(0))
        .body("parkedAt", nullValue());
    OutboxEvent retried = row(poison).orElseThrow();
    assertNull(retried.parkedAt);
    assertEquals(0, retried.attempts);

    relay.relayPending(); // the relay takes it again (and, the cause still there, counts it)
    assertEquals(1, row(poison).orElseThrow().attempts);

    given()
        .auth()
        .oauth2(TestTokens.ops())
        .post("/api/v1/ops/outbox/parked/" + poison + "/retry")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("code", equalTo("OUTBOX_EVENT_NOT_PARKED"));
  }

  @Test
  void theParkedListingIsForOpsOnly() {
    given()
        .auth()
        .oauth2(TestTokens.partner("P-1"))
        .get("/api/v1/ops/outbox/parked")
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("code", equalTo("FORBIDDEN"));
    given()
        .auth()
        .oauth2(TestTokens.partner("P-1"))
        .post("/api/v1/ops/outbox/parked/" + UUID.randomUUID() + "/retry")
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("code", equalTo("FORBIDDEN"));
    given()
        .auth()
        .oauth2(TestTokens.logistics())
        .get("/api/v1/ops/outbox/parked")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    given().get("/api/v1/ops/outbox/parked").then().statusCode(401).contentType(PROBLEM);
  }

  @Test
  void theParkedListingAnswersBadInputWithProblems() {
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .queryParam("size", 0)
        .get("/api/v1/ops/outbox/parked")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("violations.field", org.hamcrest.Matchers.hasItem("size"));
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .post("/api/v1/ops/outbox/parked/not-a-uuid/retry")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("code", equalTo("VALIDATION_FAILED"));
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .post("/api/v1/ops/outbox/parked/" + UUID.randomUUID() + "/retry")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("code", equalTo("OUTBOX_EVENT_NOT_PARKED"))
        .body("detail", not(containsString("Exception")));
  }

  @Test
  void theGaugesReportPendingRowsAndTheAgeOfTheOldest() {
    drain();
    assertEquals(0.0, gauge("rma.outbox.pending"));
    assertEquals(0.0, gauge("rma.outbox.oldest.age.seconds"));

    Instant t0 = Instant.parse("2031-03-01T09:00:00Z");
    clock.set(t0);
    add("gauge-1", "small");
    clock.set(t0.plusSeconds(30));
    add("gauge-2", "small");
    clock.set(t0.plusSeconds(90));
    gauges.refresh();
    assertEquals(2.0, gauge("rma.outbox.pending"));
    assertEquals(90.0, gauge("rma.outbox.oldest.age.seconds"));
    clock.set(t0.plusSeconds(150));
    assertEquals(150.0, gauge("rma.outbox.oldest.age.seconds"), "the age grows between reads");

    long parkedRows =
        QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("parkedAt is not null"));
    assertEquals((double) parkedRows, gauge("rma.outbox.parked"));

    relay.relayPending();
    gauges.refresh();
    assertEquals(0.0, gauge("rma.outbox.pending"));
    assertEquals(0.0, gauge("rma.outbox.oldest.age.seconds"));
  }

  @Test
  void thePurgeDeletesOnlyPublishedRowsAndProcessedEventsPastTheirRetention() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant t0 = Instant.parse("2032-06-01T00:00:00Z");
    clock.set(t0);
    drain();
    UUID published = add("published-" + run, "small");
    relay.relayPending();
    assertEquals(t0, row(published).orElseThrow().publishedAt);
    UUID parked = parkedRow();
    UUID pending = add("pending-" + run, "small");
    String oldEvent = "old-" + run;
    processed(oldEvent);
    clock.set(t0.plus(Duration.ofDays(20)));
    String youngEvent = "young-" + run;
    processed(youngEvent);

    clock.set(t0.plus(Duration.ofDays(7)).minusSeconds(1));
    purge.purgePublishedOutbox();
    assertTrue(row(published).isPresent(), "younger than 7 days: kept");

    clock.set(t0.plus(Duration.ofDays(7)).plusSeconds(1));
    assertTrue(purge.purgePublishedOutbox() >= 1);
    assertTrue(row(published).isEmpty(), "published more than 7 days ago: purged");
    assertTrue(row(parked).isPresent(), "parked rows are never purged");
    assertTrue(row(pending).isPresent(), "pending rows are never purged");

    clock.set(t0.plus(Duration.ofDays(35)).minusSeconds(1));
    purge.purgeProcessedEvents();
    assertTrue(isProcessed(oldEvent), "processed less than 35 days ago: kept");

    clock.set(t0.plus(Duration.ofDays(35)).plusSeconds(1));
    assertTrue(purge.purgeProcessedEvents() >= 1);
    assertFalse(isProcessed(oldEvent), "processed more than 35 days ago: purged");
    assertTrue(isProcessed(youngEvent));

    clock.set(t0.plus(Duration.ofDays(400)));
    purge.purgePublishedOutbox();
    assertTrue(row(parked).isPresent(), "parked rows are never purged, however old");
    assertTrue(row(pending).isPresent(), "pending rows are never purged, however old");
  }

  @Test
  void eventsAddedInOneTransactionAreNumberedInTheOrderTheyWereAdded() {
    // inserted as one JDBC batch at commit (ids assigned before, seq by the database): the
    // sending order must still be the order of add()
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<UUID> added =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  List<UUID> ids = new ArrayList<>();
                  for (int i = 0; i < 60; i++) {
                    ids.add(
                        outbox.add(
                            new OutgoingEvent(
                                TOPIC, "order-" + run, "healing.probe.v1", Map.of("n", i))));
                  }
                  return ids;
                });

    List<UUID> bySeq =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    OutboxEvent.<OutboxEvent>list("key = ?1 order by seq", "order-" + run).stream()
                        .map(e -> e.id)
                        .toList());
    assertEquals(added, bySeq);
  }

  // --- helpers -------------------------------------------------------------------------------

  private UUID add(String key, String text) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                outbox.add(
                    new OutgoingEvent(TOPIC, key, "healing.probe.v1", Map.of("text", text))));
  }

  /** A row that exceeds the producer's limit, driven by the relay until it is parked. */
  private UUID parkedRow() {
    UUID poison = add("poison-" + UUID.randomUUID(), "x".repeat(30_000));
    for (int i = 0; i < MAX_ATTEMPTS && row(poison).orElseThrow().parkedAt == null; i++) {
      relay.relayPending();
    }
    assertNotNull(row(poison).orElseThrow().parkedAt);
    return poison;
  }

  /** Sends what can be sent and parks what cannot, so that nothing is pending. */
  private void drain() {
    for (int i = 0; i <= MAX_ATTEMPTS; i++) {
      relay.relayPending();
      gauges.refresh();
      if (gauge("rma.outbox.pending") == 0.0) {
        return;
      }
    }
  }

  private Optional<OutboxEvent> row(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(() -> OutboxEvent.<OutboxEvent>find("id", id).firstResultOptional());
  }

  private void processed(String id) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                inbox.firstDelivery(
                    new InboundEvent(id, "/healing", "healing.ping.v1", null, "k", "{}")));
  }

  private boolean isProcessed(String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                            em.createNativeQuery(
                                    "select count(*) from processed_event where id = :id")
                                .setParameter("id", id)
                                .getSingleResult())
                        .longValue()
                    == 1);
  }

  private double gauge(String name) {
    return metrics.get(name).gauge().value();
  }

  private static Set<String> keys(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
  }
}
