package com.acme.rma.intake.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.contract.Goldens;
import com.acme.rma.intake.application.webhook.DeliverWebhooks;
import com.acme.rma.intake.domain.webhook.WebhookSignature;
import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end inside intake: real broker, real database, a real HTTP receiver; the worker
 * is driven on the fixed clock (the scheduled one is off in tests: moving the clock past a lease
 * while it sends would let this worker send the same delivery again).
 */
@QuarkusTest
class WebhookDeliveryTest {

  private static final String SECRET = "s3cr3t-0123456789abcdef";
  private static final List<String> GOLD_STEPS =
      List.of("rma.requested", "rma.entitlement-decided", "rma.issued", "sla.started");
  private static final List<String> PARCEL_STEPS =
      List.of("shipment.created", "shipment.shipped", "shipment.delivered", "rma.closed");

  @Inject MutableClock clock;
  @Inject DeliverWebhooks worker;
  @Inject ObjectMapper mapper;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private KafkaTestClient kafka;
  private final List<TestReceiver> receivers = new ArrayList<>();

  @BeforeEach
  void fixTime() {
    clock.set(Fixtures.FRIDAY_MORNING);
    kafka = new KafkaTestClient(bootstrap);
  }

  @AfterEach
  void cleanUp() {
    receivers.forEach(TestReceiver::close);
    clock.useSystemTime();
  }

  private TestReceiver receiver() {
    TestReceiver receiver = new TestReceiver();
    receivers.add(receiver);
    return receiver;
  }

  static String register(String partner, String url, List<String> types) {
    return given()
        .auth()
        .oauth2(TestTokens.partner(partner))
        .contentType(ContentType.JSON)
        .body(TestReceiver.registration(url, SECRET, types))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(201)
        .body("secret", equalTo(null))
        .body("state", equalTo("ACTIVE"))
        .extract()
        .path("id");
  }

  private String goldRma(String partner) {
    String serial = Fixtures.appliance(partner, "GOLD");
    String rma = Fixtures.rma(partner, Fixtures.request(serial));
    awaitTimeline(rma, "sla.started");
    return rma;
  }

  static void awaitTimeline(String rma, String type) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.ops())
                    .get("/api/v1/rmas/{n}/timeline", rma)
                    .then()
                    .statusCode(200)
                    .body("type", hasItem(type)));
  }

  private void ship(String rma, String type, Instant at) throws Exception {
    ObjectNode event = Goldens.node(type);
    event.put("rmaNumber", rma);
    event.put("occurredAt", at.toString());
    kafka.send(
        "dispatch.shipments",
        rma,
        mapper.writeValueAsString(event),
        Map.of(
            "ce_specversion",
            "1.0",
            "ce_id",
            UUID.randomUUID().toString(),
            "ce_source",
            "/rma-dispatch",
            "ce_type",
            type,
            "ce_time",
            at.toString(),
            "content-type",
            "application/json"));
  }

  /** Created, shipped and delivered (intake then closes the RMA), each step awaited. */
  private void followParcel(String rma) throws Exception {
    Instant t = clock.instant();
    ship(rma, "dispatch.shipment.created.v1", t.plusSeconds(5));
    awaitTimeline(rma, "shipment.created");
    clock.set(t.plusSeconds(600)); // events are never dated ahead of the consumer's clock
    ship(rma, "dispatch.shipment.shipped.v1", t.plusSeconds(600));
    awaitTimeline(rma, "shipment.shipped");
    clock.set(t.plusSeconds(7200));
    ship(rma, "dispatch.shipment.delivered.v1", t.plusSeconds(7000));
    // two consumers record these two, in either order; the webhooks go out in the steps' order
    awaitTimeline(rma, "rma.closed");
    awaitTimeline(rma, "shipment.delivered");
  }

  /** Runs the worker until the condition holds, moving the fixed clock on by {@code step}. */
  private void drive(Duration step, BooleanSupplier done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not done within 60 s");
      worker.deliverDue();
      clock.advance(step);
    }
  }

  private static List<String> distinctTypes(List<TestReceiver.Received> received, String rma) {
    return List.copyOf(
        received.stream()
            .filter(r -> r.subject().equals(rma))
            .map(TestReceiver.Received::type)
            .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
  }

  /** The sum of a metric's samples on {@code /q/metrics} whose labels contain {@code label}. */
  static double metric(String name, String label) {
    String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return text.lines()
        .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .filter(l -> label == null || l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static final String DELIVERED = "outcome=\"delivered\"";

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void aReceiverGetsEverySubscribedEventOfItsPartnerSignedAndNoneOfAnothers() throws Exception {
    double deliveredBefore = metric("rma_webhook_deliveries_total", DELIVERED);
    double timedBefore = metric("rma_webhook_delivery_duration_seconds_count", DELIVERED);
    String partner = "P-TIMELINE-" + UUID.randomUUID().toString().substring(0, 8);
    String other = "P-TIMELINE-" + UUID.randomUUID().toString().substring(0, 8);
    TestReceiver mine = receiver();
    TestReceiver theirs = receiver();
    register(partner, mine.url(), null);
    register(other, theirs.url(), List.of("rma.closed"));

    String rma = goldRma(partner);
    String foreign = goldRma(other);
    followParcel(rma);

    List<String> expected = concat(GOLD_STEPS, PARCEL_STEPS);
    drive(
        Duration.ofSeconds(1),
        () -> distinctTypes(mine.delivered(), rma).size() == expected.size());
    assertTrue(
        metric("rma_webhook_deliveries_total", DELIVERED) >= deliveredBefore + expected.size());
    assertTrue(
        metric("rma_webhook_delivery_duration_seconds_count", DELIVERED)
            >= timedBefore + expected.size());
    assertEquals(expected, distinctTypes(mine.received(), rma));
    for (TestReceiver.Received r : mine.received()) {
      assertEquals(rma, r.subject(), "only its own partner's RMA");
      assertEquals("application/cloudevents+json", r.contentType());
      assertTrue(WebhookSignature.verify(SECRET, r.body(), r.signature()), "signed");
      assertEquals("1.0", r.event().path("specversion").asText());
      assertEquals(rma, r.event().path("data").path("rmaNumber").asText());
      assertTrue(r.deliveryId() != null && !r.deliveryId().isBlank());
      assertTrue(
          r.event().path("data").path("details").path("eventId").isMissingNode(), "partner view");
    }
    assertTrue(theirs.received().stream().noneMatch(r -> r.subject().equals(rma)));
    assertTrue(theirs.received().stream().allMatch(r -> r.subject().equals(foreign)));
  }

  @Test
  void aReceiverAnswering500ThenRecoveringLosesNothingAndKeepsEachRmasOrder() throws Exception {
    double retriedBefore = metric("rma_webhook_deliveries_total", "outcome=\"retried\"");
    String partner = "P-TIMELINE-" + UUID.randomUUID().toString().substring(0, 8);
    TestReceiver receiver = receiver();
    receiver.answer(500, 500, 503, 429, 500);
    String id = register(partner, receiver.url(), null);
    String first = goldRma(partner);
    String second = goldRma(partner);
    followParcel(first);

    drive(
        Duration.ofMinutes(1),
        () ->
            distinctTypes(receiver.delivered(), first).size() == 8
                && distinctTypes(receiver.delivered(), second).size() == 4);

    for (String rma : List.of(first, second)) {
      List<TestReceiver.Received> lane =
          receiver.received().stream().filter(r -> r.subject().equals(rma)).toList();
      List<String> expected = rma.equals(first) ? concat(GOLD_STEPS, PARCEL_STEPS) : GOLD_STEPS;
      // every attempt is of the oldest event not yet delivered: never ahead, nothing skipped
      int deliveredSoFar = 0;
      for (TestReceiver.Received r : lane) {
        assertEquals(expected.get(deliveredSoFar), r.type(), rma + " attempt order");
        if (r.answered() == 200) {
          deliveredSoFar++;
        }
      }
      assertEquals(expected.size(), deliveredSoFar);
    }
    assertTrue(
        metric("rma_webhook_deliveries_total", "outcome=\"retried\"") >= retriedBefore + 5,
        "the five failures are counted as retried");
    // a redelivery carries the same event id; the failures are visible in the deliveries
    TestReceiver.Received firstAttempt = receiver.received().get(0);
    assertTrue(
        receiver.delivered().stream().anyMatch(r -> r.eventId().equals(firstAttempt.eventId())));
    given()
        .auth()
        .oauth2(TestTokens.partner(partner))
        .get("/api/v1/webhooks/{id}/deliveries", id)
        .then()
        .statusCode(200)
        .body("items.statusCode", hasItem(500))
        .body("items.statusCode", hasItem(429))
        .body("items.outcome", hasItem("DELIVERED"));
  }

  @Test
  void aReceiverDownForMinutesGetsEverythingAfterwards() throws Exception {
    String partner = "P-TIMELINE-" + UUID.randomUUID().toString().substring(0, 8);
    TestReceiver receiver = receiver();
    String id = register(partner, receiver.url(), null);
    receiver.down();
    String rma = goldRma(partner);
    followParcel(rma);
    for (int minute = 0; minute < 12; minute++) {
      worker.deliverDue();
      clock.advance(Duration.ofMinutes(1));
    }
    assertEquals(List.of(), receiver.received());
    given()
        .auth()
        .oauth2(TestTokens.partner(partner))
        .get("/api/v1/webhooks/{id}", id)
        .then()
        .body("state", equalTo("ACTIVE"))
        .body("consecutiveFailures", not(equalTo(0)));

    receiver.up();
    drive(Duration.ofMinutes(2), () -> distinctTypes(receiver.delivered(), rma).size() == 8);
    assertEquals(concat(GOLD_STEPS, PARCEL_STEPS), distinctTypes(receiver.received(), rma));
  }

  @Test
  void anEndpointFailingForHalfAnHourIsPausedShownToOpsAndResumedByItsPartner() throws Exception {
    String partner = "P-TIMELINE-" + UUID.randomUUID().toString().substring(0, 8);
    TestReceiver receiver = receiver();
    String id = register(partner, receiver.url(), null);
    receiver.down();
    String rma = goldRma(partner);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!"PAUSED".equals(state(partner, id))) {
      assertTrue(System.nanoTime() < deadline, "never paused");
      worker.deliverDue();
      clock.advance(Duration.ofMinutes(5));
    }
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .get("/api/v1/webhooks?state=PAUSED&partnerId={p}", partner)
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(id)))
        .body("items[0].pausedReason", org.hamcrest.Matchers.containsString("consecutive failed"));
    // the gauges, re-read every second in tests: a paused endpoint, its deliveries waiting
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                metric("rma_webhook_endpoints", "state=\"PAUSED\"") >= 1
                    && metric("rma_webhook_deliveries_pending", null) >= GOLD_STEPS.size());

    receiver.up();
    clock.advance(Duration.ofHours(2));
    worker.deliverDue();
    assertEquals(List.of(), receiver.received(), "a paused endpoint gets nothing");
    given()
        .auth()
        .oauth2(TestTokens.partner(partner))
        .post("/api/v1/webhooks/{id}/resume", id)
        .then()
        .statusCode(200)
        .body("state", equalTo("ACTIVE"));
    drive(Duration.ofSeconds(1), () -> distinctTypes(receiver.delivered(), rma).size() == 4);
    assertEquals(GOLD_STEPS, distinctTypes(receiver.received(), rma));
  }

  @Test
  void aRefusedDeliveryIsParkedAtOnceAndCounted() {
    String partner = "P-TIMELINE-" + UUID.randomUUID().toString().substring(0, 8);
    TestReceiver receiver = receiver();
    receiver.answer(410);
    String id = register(partner, receiver.url(), null);
    double parkedBefore = metric("rma_webhook_deliveries_total", "outcome=\"parked\"");
    given()
        .auth()
        .oauth2(TestTokens.partner(partner))
        .post("/api/v1/webhooks/{id}/test", id)
        .then()
        .statusCode(202);
    drive(Duration.ofSeconds(1), () -> !receiver.received().isEmpty());
    assertEquals(410, receiver.received().get(0).answered());
    given()
        .auth()
        .oauth2(TestTokens.partner(partner))
        .get("/api/v1/webhooks/{id}/deliveries", id)
        .then()
        .statusCode(200)
        .body("items[0].outcome", equalTo("PARKED"))
        .body("items[0].nextRetryAt", equalTo(null));
    assertTrue(metric("rma_webhook_deliveries_total", "outcome=\"parked\"") >= parkedBefore + 1);
  }

  private static String state(String partner, String id) {
    return given()
        .auth()
        .oauth2(TestTokens.partner(partner))
        .get("/api/v1/webhooks/{id}", id)
        .then()
        .statusCode(200)
        .extract()
        .path("state");
  }
}
