package com.acme.rma.intake.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.contract.Goldens;
import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.intake.support.Outboxes;
import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Intake consumes rma-dispatch's events (the contract's golden examples) through the real broker
 * and the real database.
 */
@QuarkusTest
class ShipmentEventsConsumerTest {

  private static final String TOPIC = "dispatch.shipments";

  @Inject MutableClock clock;
  @Inject ObjectMapper mapper;
  @Inject EntityManager em;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private KafkaTestClient kafka;
  private String partner;
  private String serial;
  private String rmaNumber;

  @BeforeEach
  void anAuthorizedRma() {
    clock.set(Fixtures.FRIDAY_MORNING);
    kafka = new KafkaTestClient(bootstrap);
    partner = Fixtures.partner();
    serial = Fixtures.appliance(partner, "GOLD");
    rmaNumber = Fixtures.rma(partner, Fixtures.request(serial));
  }

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  /** Dispatch's golden event of this type, about the given RMA. */
  private String golden(String type, String aboutRma) throws Exception {
    ObjectNode event = Goldens.node(type);
    event.put("rmaNumber", aboutRma);
    return mapper.writeValueAsString(event);
  }

  private String send(String type, String aboutRma) throws Exception {
    String id = UUID.randomUUID().toString();
    sendWithId(type, aboutRma, id);
    return id;
  }

  private void sendWithId(String type, String aboutRma, String id) throws Exception {
    kafka.send(
        TOPIC,
        aboutRma,
        golden(type, aboutRma),
        Map.of(
            "ce_specversion",
            "1.0",
            "ce_id",
            id,
            "ce_source",
            "/rma-dispatch",
            "ce_type",
            type,
            "ce_time",
            clock.instant().toString(),
            "content-type",
            "application/json"));
  }

  private void awaitStatus(String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                Fixtures.get(TestTokens.ops(), rmaNumber)
                    .statusCode(200)
                    .body("status", equalTo(status)));
  }

  private boolean processed(String ceId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                            em.createNativeQuery(
                                    "select count(*) from processed_event where id = :id")
                                .setParameter("id", ceId)
                                .getSingleResult())
                        .intValue()
                    == 1);
  }

  @Test
  void movesTheRmaToShippedAndThenClosesItOnDeliveryPublishingRmaClosed() throws Exception {
    send("dispatch.shipment.created.v1", rmaNumber);
    send("dispatch.shipment.shipped.v1", rmaNumber);
    awaitStatus("SHIPPED");
    Fixtures.get(TestTokens.partner(partner), rmaNumber)
        .body("shippedAt", equalTo("2026-05-01T03:00:00Z"));

    clock.set(java.time.Instant.parse("2026-05-01T04:10:00Z"));
    send("dispatch.shipment.delivered.v1", rmaNumber);
    awaitStatus("CLOSED");
    Fixtures.get(TestTokens.partner(partner), rmaNumber)
        .body("deliveredAt", equalTo("2026-05-01T03:00:00Z"))
        .body("closedAt", equalTo("2026-05-01T04:10:00Z"));

    List<ConsumerRecord<String, String>> lifecycle =
        kafka.readUntil(
            "rma.lifecycle",
            seen ->
                seen.stream()
                    .anyMatch(
                        r ->
                            rmaNumber.equals(r.key())
                                && "rma.closed.v1".equals(KafkaTestClient.header(r, "ce_type"))),
            Duration.ofSeconds(20));
    ConsumerRecord<String, String> closed =
        lifecycle.stream()
            .filter(
                r ->
                    rmaNumber.equals(r.key())
                        && "rma.closed.v1".equals(KafkaTestClient.header(r, "ce_type")))
            .findFirst()
            .orElseThrow();
    assertEquals(
        Map.of("rmaNumber", rmaNumber, "serialNumber", serial, "at", "2026-05-01T04:10:00Z"),
        mapper.readValue(closed.value(), Map.class));
    // the appliance may have a new RMA now
    Fixtures.postRma(partner, Fixtures.key(), Fixtures.request(serial)).statusCode(201);
  }

  @Test
  void appliesARepeatedEventOnceAndAnEventAfterClosureChangesNothing() throws Exception {
    send("dispatch.shipment.shipped.v1", rmaNumber);
    String delivered = UUID.randomUUID().toString();
    sendWithId("dispatch.shipment.delivered.v1", rmaNumber, delivered);
    sendWithId("dispatch.shipment.delivered.v1", rmaNumber, delivered);
    String late = send("dispatch.shipment.delivered.v1", rmaNumber);
    await().atMost(Duration.ofSeconds(30)).until(() -> processed(late));
    awaitStatus("CLOSED");
    assertEquals(1, Outboxes.rows(rmaNumber, "rma.closed.v1").size());
  }

  @Test
  void aShipmentThatLeftBeforeTheCancelReinstatesTheRmaOnceEvenWhenRedelivered() throws Exception {
    Fixtures.cancel(TestTokens.partner(partner), rmaNumber).statusCode(200);
    String shipped = UUID.randomUUID().toString();
    sendWithId("dispatch.shipment.shipped.v1", rmaNumber, shipped);
    awaitStatus("SHIPPED");
    sendWithId("dispatch.shipment.shipped.v1", rmaNumber, shipped);
    // dispatch's refusal follows (intake needs nothing from it); then a repeat of shipped with a
    // new id, after the duplicate on the same partition: once it is processed, so is the duplicate
    send("dispatch.shipment.cancel-refused.v1", rmaNumber);
    String after = send("dispatch.shipment.shipped.v1", rmaNumber);
    await().atMost(Duration.ofSeconds(30)).until(() -> processed(after));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Outboxes.rows(rmaNumber).stream().allMatch(r -> r.publishedAt != null));

    Fixtures.get(TestTokens.partner(partner), rmaNumber)
        .body("status", equalTo("SHIPPED"))
        .body("shippedAt", equalTo("2026-05-01T03:00:00Z"))
        .body("cancelledAt", nullValue());
    List<ConsumerRecord<String, String>> reinstated =
        kafka.readToEnd("rma.lifecycle", Duration.ofSeconds(20)).stream()
            .filter(r -> rmaNumber.equals(r.key()))
            .filter(r -> "rma.reinstated.v1".equals(KafkaTestClient.header(r, "ce_type")))
            .toList();
    assertEquals(1, reinstated.size());
    Map<?, ?> payload = mapper.readValue(reinstated.get(0).value(), Map.class);
    assertEquals(rmaNumber, payload.get("rmaNumber"));
    assertEquals(serial, payload.get("serialNumber"));
    assertEquals("SHIPPED_BEFORE_CANCEL", payload.get("reason"));
    assertEquals(
        List.of("rma.authorized.v1", "rma.cancelled.v1", "rma.reinstated.v1"),
        Outboxes.rows(rmaNumber).stream().map(r -> r.type).toList());
  }

  @Test
  void aDeliveryOfACancelledRmaReinstatesItBeforeClosingIt() throws Exception {
    Fixtures.cancel(TestTokens.partner(partner), rmaNumber).statusCode(200);
    send("dispatch.shipment.delivered.v1", rmaNumber);
    awaitStatus("CLOSED");
    assertEquals(
        List.of("rma.authorized.v1", "rma.cancelled.v1", "rma.reinstated.v1", "rma.closed.v1"),
        Outboxes.rows(rmaNumber).stream().map(r -> r.type).toList());
  }

  @Test
  void aCancelledRmaStaysCancelledWhenTheApplianceHasANewOpenRmaSince() throws Exception {
    Fixtures.cancel(TestTokens.partner(partner), rmaNumber).statusCode(200);
    Fixtures.postRma(partner, Fixtures.key(), Fixtures.request(serial)).statusCode(201);
    String shipped = send("dispatch.shipment.shipped.v1", rmaNumber);
    await().atMost(Duration.ofSeconds(30)).until(() -> processed(shipped));
    Fixtures.get(TestTokens.ops(), rmaNumber).body("status", equalTo("CANCELLED"));
    assertEquals(0, Outboxes.rows(rmaNumber, "rma.reinstated.v1").size());
  }

  @Test
  void sendsAnEventAboutAnUnknownRmaToTheDeadLetterTopicAndGoesOn() throws Exception {
    String unknown = "RMA-1999-" + (100000 + (int) (Math.random() * 899999));
    send("dispatch.shipment.delivered.v1", unknown);
    send("dispatch.shipment.shipped.v1", rmaNumber);
    awaitStatus("SHIPPED");

    List<ConsumerRecord<String, String>> dead =
        kafka.readUntil(
            "rma-intake.dlq",
            seen -> seen.stream().anyMatch(r -> unknown.equals(r.key())),
            Duration.ofSeconds(20));
    ConsumerRecord<String, String> poison =
        dead.stream().filter(r -> unknown.equals(r.key())).findFirst().orElseThrow();
    String reason = KafkaTestClient.header(poison, "dead-letter-reason");
    assertTrue(reason.contains("never issued"), reason);
  }

  @Test
  void sendsAnUnreadableEventToTheDeadLetterTopic() {
    String key = "RMA-1999-" + UUID.randomUUID().toString().substring(0, 6);
    kafka.sendCloudEvent(
        TOPIC,
        key,
        "dispatch.shipment.shipped.v1",
        "/rma-dispatch",
        "{\"rmaNumber\":\"" + key + "\",\"status\":\"SHIPPED\"}");
    List<ConsumerRecord<String, String>> dead =
        kafka.readUntil(
            "rma-intake.dlq",
            seen -> seen.stream().anyMatch(r -> key.equals(r.key())),
            Duration.ofSeconds(20));
    ConsumerRecord<String, String> poison =
        dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    String reason = KafkaTestClient.header(poison, "dead-letter-reason");
    assertTrue(reason.contains("occurredAt"), reason);
  }
}
