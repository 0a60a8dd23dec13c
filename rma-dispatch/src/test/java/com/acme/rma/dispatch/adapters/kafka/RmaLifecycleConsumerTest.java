package com.acme.rma.dispatch.adapters.kafka;

import static com.acme.rma.dispatch.TestData.golden;
import static com.acme.rma.dispatch.TestData.newRmaNumber;
import static com.acme.rma.dispatch.adapters.kafka.BrokerFixture.PATIENCE;
import static com.acme.rma.dispatch.adapters.kafka.BrokerFixture.awaitStatus;
import static com.acme.rma.dispatch.adapters.kafka.BrokerFixture.read;
import static com.acme.rma.dispatch.adapters.kafka.BrokerFixture.reason;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.dispatch.TestData;
import com.acme.rma.platform.rest.FieldLimits;
import com.acme.rma.testsupport.DatabaseOutage;
import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer side of intake's contract, through the real broker and the real database: intake's
 * golden {@code rma.authorized.v1} and {@code rma.cancelled.v1} as they would arrive.
 */
@QuarkusTest
class RmaLifecycleConsumerTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Inject EntityManager em;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String dbUser;

  @ConfigProperty(name = "quarkus.datasource.password")
  String dbPassword;

  private BrokerFixture broker;

  @BeforeEach
  void connect() {
    broker = new BrokerFixture(bootstrap);
  }

  private static ObjectNode authorizedGolden(String rma) {
    ObjectNode authorized = golden("rma.authorized.v1");
    authorized.put("rmaNumber", rma);
    return authorized;
  }

  private static ObjectNode cancelledGolden(String rma) {
    ObjectNode cancelled = golden("rma.cancelled.v1");
    cancelled.put("rmaNumber", rma);
    return cancelled;
  }

  @Test
  void createsTheShipmentOfIntakesAuthorizedGoldenAndAnnouncesIt() throws Exception {
    String rma = newRmaNumber();
    ObjectNode authorized = authorizedGolden(rma);

    broker.sendLifecycle(rma, "rma.authorized.v1", authorized.toString());

    awaitStatus(rma, "CREATED");
    JsonNode shipment = TestData.JSON.readTree(read(rma).extract().asString());
    assertEquals("GOLD_PLUS", shipment.get("serviceLevel").asText());
    assertEquals("SERVICE_CENTER", shipment.get("origin").get("type").asText());
    assertEquals("SC-TYO-1", shipment.get("origin").get("id").asText());
    assertEquals(authorized.get("shipTo"), shipment.get("shipTo"));
    assertEquals(false, shipment.get("exportCertificateRequired").asBoolean());
    given()
        .auth()
        .oauth2(TestTokens.partner(authorized.get("partnerId").asText()))
        .get("/api/v1/shipments/{rma}", rma)
        .then()
        .statusCode(200);

    List<ConsumerRecord<String, String>> published =
        broker.kafka.readUntil(
            "dispatch.shipments",
            seen -> seen.stream().anyMatch(r -> rma.equals(r.key())),
            PATIENCE);
    ConsumerRecord<String, String> created =
        published.stream().filter(r -> rma.equals(r.key())).findFirst().orElseThrow();
    assertEquals("dispatch.shipment.created.v1", KafkaTestClient.header(created, "ce_type"));
    assertEquals("/rma-dispatch", KafkaTestClient.header(created, "ce_source"));
    assertEquals("1.0", KafkaTestClient.header(created, "ce_specversion"));
    assertEquals("application/json", KafkaTestClient.header(created, "content-type"));
    assertTrue(KafkaTestClient.header(created, "ce_id").length() > 10);
  }

  @Test
  void onlyAParcelCrossingABorderIntoACertificateCountryIsHeldAndHeldFromTheAuthorization() {
    // Gold Plus from a center in China to a Chinese address: no border, no hold
    String fromCenter = newRmaNumber();
    ObjectNode goldPlus = authorizedGolden(fromCenter);
    goldPlus.put("serviceCenterId", "SC-SHA-1");
    ((ObjectNode) goldPlus.get("shipTo")).put("country", "CN");
    // the same address downgraded to Gold ships from the depot in Japan: held
    String fromDepot = newRmaNumber();
    ObjectNode gold = authorizedGolden(fromDepot);
    gold.put("serviceLevel", "GOLD");
    gold.putNull("serviceCenterId");
    ((ObjectNode) gold.get("shipTo")).put("country", "CN");

    broker.sendLifecycle(fromCenter, "rma.authorized.v1", goldPlus.toString());
    broker.sendLifecycle(fromDepot, "rma.authorized.v1", gold.toString());

    awaitStatus(fromCenter, "CREATED");
    read(fromCenter)
        .body("origin.id", equalTo("SC-SHA-1"))
        .body("exportCertificateRequired", equalTo(false));
    awaitStatus(fromDepot, "EXPORT_HOLD");
    read(fromDepot)
        .body("origin.id", equalTo("DEPOT-JP-CENTRAL"))
        .body("exportCertificateRequired", equalTo(true))
        .body("history.status", contains("EXPORT_HOLD"))
        .body("history[0].at", equalTo("2026-05-01T01:00:00Z"));
    ConsumerRecord<String, String> held =
        broker
            .kafka
            .readUntil(
                "dispatch.shipments",
                seen -> seen.stream().anyMatch(r -> isExportHeld(r, fromDepot)),
                PATIENCE)
            .stream()
            .filter(r -> isExportHeld(r, fromDepot))
            .findFirst()
            .orElseThrow();
    assertTrue(held.value().contains("\"occurredAt\":\"2026-05-01T01:00:00Z\""), held.value());
  }

  private static boolean isExportHeld(ConsumerRecord<String, String> record, String rma) {
    return rma.equals(record.key())
        && "dispatch.shipment.export-held.v1".equals(KafkaTestClient.header(record, "ce_type"));
  }

  @Test
  void aReplayedAuthorizationNeitherDuplicatesNorResetsTheShipment() {
    String rma = newRmaNumber();
    String authorized = authorizedGolden(rma).toString();
    String firstId = broker.sendLifecycle(rma, "rma.authorized.v1", authorized);
    awaitStatus(rma, "CREATED");
    given()
        .auth()
        .oauth2(TestTokens.logistics())
        .contentType(ContentType.JSON)
        .body("{\"type\":\"SHIPPED\",\"occurredAt\":\"2026-05-01T03:00:00Z\"}")
        .post("/api/v1/shipments/{rma}/events", rma)
        .then()
        .statusCode(200);

    broker.send(
        BrokerFixture.LIFECYCLE, rma, firstId, "rma.authorized.v1", "/rma-intake", authorized);
    String replayId = broker.sendLifecycle(rma, "rma.authorized.v1", authorized);

    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> TestData.processed(em, "/rma-intake", replayId));
    read(rma)
        .body("status", equalTo("SHIPPED"))
        .body("history.status", contains("CREATED", "SHIPPED"));
    assertEquals(
        List.of("dispatch.shipment.created.v1", "dispatch.shipment.shipped.v1"),
        TestData.outbox(em, rma).stream().map(TestData.OutboxRow::type).toList());
  }

  @Test
  void cancelsFromIntakesCancelledGoldenAndIgnoresClosed() {
    String rma = newRmaNumber();
    broker.sendLifecycle(rma, "rma.authorized.v1", authorizedGolden(rma).toString());
    ObjectNode closed = golden("rma.closed.v1");
    closed.put("rmaNumber", rma);
    broker.sendLifecycle(rma, "rma.closed.v1", closed.toString());
    broker.sendLifecycle(rma, "rma.cancelled.v1", cancelledGolden(rma).toString());

    awaitStatus(rma, "CANCELLED");
    read(rma)
        .body("history.status", contains("CREATED", "CANCELLED"))
        .body("history[1].at", equalTo("2026-05-01T02:00:00Z"));
    assertEquals(
        List.of("dispatch.shipment.created.v1", "dispatch.shipment.cancelled.v1"),
        TestData.outbox(em, rma).stream().map(TestData.OutboxRow::type).toList());
  }

  @Test
  void aCancellationAfterTheShipmentLeftChangesNothing() {
    String rma = newRmaNumber();
    broker.sendLifecycle(rma, "rma.authorized.v1", authorizedGolden(rma).toString());
    awaitStatus(rma, "CREATED");
    given()
        .auth()
        .oauth2(TestTokens.logistics())
        .contentType(ContentType.JSON)
        .body("{\"type\":\"SHIPPED\",\"occurredAt\":\"2026-05-01T03:00:00Z\"}")
        .post("/api/v1/shipments/{rma}/events", rma)
        .then()
        .statusCode(200);

    String cancelId =
        broker.sendLifecycle(rma, "rma.cancelled.v1", cancelledGolden(rma).toString());

    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> TestData.processed(em, "/rma-intake", cancelId));
    read(rma).body("status", equalTo("SHIPPED"));
  }

  @Test
  void aCancellationAfterTheShipmentLeftIsRefusedExactlyOnceOnTheTopicEvenWhenRedelivered()
      throws Exception {
    String rma = newRmaNumber();
    broker.sendLifecycle(rma, "rma.authorized.v1", authorizedGolden(rma).toString());
    awaitStatus(rma, "CREATED");
    given()
        .auth()
        .oauth2(TestTokens.logistics())
        .contentType(ContentType.JSON)
        .body("{\"type\":\"SHIPPED\",\"occurredAt\":\"2026-05-01T01:30:00Z\"}")
        .post("/api/v1/shipments/{rma}/events", rma)
        .then()
        .statusCode(200);

    String cancelled = cancelledGolden(rma).toString();
    String cancelId = broker.sendLifecycle(rma, "rma.cancelled.v1", cancelled);
    broker.send(
        BrokerFixture.LIFECYCLE, rma, cancelId, "rma.cancelled.v1", "/rma-intake", cancelled);
    // an event after the duplicate on the same partition: once it is processed, so is the duplicate
    String after = broker.sendLifecycle(rma, "rma.authorized.v1", authorizedGolden(rma).toString());
    Awaitility.await().atMost(PATIENCE).until(() -> TestData.processed(em, "/rma-intake", after));
    Awaitility.await().atMost(PATIENCE).until(() -> TestData.unpublished(em, rma) == 0);

    read(rma)
        .body("status", equalTo("SHIPPED"))
        .body("history.status", contains("CREATED", "SHIPPED"));
    List<ConsumerRecord<String, String>> refusals =
        broker.kafka.readToEnd("dispatch.shipments", PATIENCE).stream()
            .filter(r -> rma.equals(r.key()))
            .filter(
                r ->
                    "dispatch.shipment.cancel-refused.v1"
                        .equals(KafkaTestClient.header(r, "ce_type")))
            .toList();
    assertEquals(1, refusals.size());
    JsonNode refusal = TestData.JSON.readTree(refusals.get(0).value());
    assertEquals("SHIPPED", refusal.get("status").asText());
    assertEquals("ALREADY_SHIPPED", refusal.get("reason").asText());
    assertEquals("2026-05-01T02:00:00Z", refusal.get("occurredAt").asText());
  }

  /**
   * The kit's field limits from intake's side: an authorization with every id and address part at
   * the maximum intake accepts (unicode, a 64-character postal code) gets its shipment, stored and
   * answered verbatim; one character more in the postal code is dead-lettered naming it.
   */
  @Test
  void anAuthorizationWithEveryFieldAtItsMaximumGetsItsShipmentAndOneMoreIsDeadLettered()
      throws Exception {
    String rma = padded(newRmaNumber(), FieldLimits.ID);
    ObjectNode authorized = authorizedGolden(rma);
    authorized.put("serialNumber", padded("SN-" + rma, FieldLimits.ID));
    authorized.put("partnerId", padded("P-" + rma, FieldLimits.ID));
    authorized.put("serviceCenterId", padded("SC-TYO-1", FieldLimits.ID));
    ObjectNode shipTo = (ObjectNode) authorized.get("shipTo");
    shipTo.put("line1", unicode(FieldLimits.ADDRESS_LINE));
    shipTo.put("line2", unicode(FieldLimits.ADDRESS_LINE));
    shipTo.put("city", unicode(FieldLimits.CITY));
    shipTo.put("region", unicode(FieldLimits.REGION));
    shipTo.put("postalCode", "1".repeat(FieldLimits.POSTAL_CODE));

    broker.sendLifecycle(rma, "rma.authorized.v1", authorized.toString());

    awaitStatus(rma, "CREATED");
    JsonNode shipment = TestData.JSON.readTree(read(rma).extract().asString());
    assertEquals(shipTo, shipment.get("shipTo"));
    assertEquals(authorized.get("serviceCenterId"), shipment.get("origin").get("id"));

    String over = newRmaNumber();
    ObjectNode tooLong = authorizedGolden(over);
    ((ObjectNode) tooLong.get("shipTo")).put("postalCode", "1".repeat(FieldLimits.POSTAL_CODE + 1));
    String overId = broker.sendLifecycle(over, "rma.authorized.v1", tooLong.toString());
    ConsumerRecord<String, String> dead =
        broker.awaitDeadLetters(r -> overId.equals(BrokerFixture.ceId(r)), 1).stream()
            .filter(r -> overId.equals(BrokerFixture.ceId(r)))
            .findFirst()
            .orElseThrow();
    assertTrue(reason(dead).contains("postalCode"), reason(dead));
    read(over).statusCode(404);
  }

  private static String padded(String prefix, int length) {
    return (prefix + "0".repeat(length)).substring(0, length);
  }

  private static String unicode(int length) {
    return "東京都千代田区丸の内".repeat(length / 10 + 1).substring(0, length);
  }

  @Test
  void anUnreadableAuthorizationIsDeadLetteredWithItsReasonAndTheConsumerGoesOn() {
    String poisoned = newRmaNumber();
    ObjectNode withoutShipTo = authorizedGolden(poisoned);
    withoutShipTo.remove("shipTo");
    String poisonId = broker.sendLifecycle(poisoned, "rma.authorized.v1", withoutShipTo.toString());
    String wrongKey = UUID.randomUUID().toString();
    broker.send(
        BrokerFixture.LIFECYCLE,
        "RMA-SOMETHING-ELSE",
        wrongKey,
        "rma.authorized.v1",
        "/rma-intake",
        authorizedGolden(newRmaNumber()).toString());
    String next = newRmaNumber();
    broker.sendLifecycle(next, "rma.authorized.v1", authorizedGolden(next).toString());

    awaitStatus(next, "CREATED");
    List<ConsumerRecord<String, String>> dead =
        broker.awaitDeadLetters(
            r -> poisonId.equals(BrokerFixture.ceId(r)) || wrongKey.equals(BrokerFixture.ceId(r)),
            2);
    ConsumerRecord<String, String> missingShipTo =
        dead.stream().filter(r -> poisonId.equals(BrokerFixture.ceId(r))).findFirst().orElseThrow();
    ConsumerRecord<String, String> mismatchedKey =
        dead.stream().filter(r -> wrongKey.equals(BrokerFixture.ceId(r))).findFirst().orElseThrow();
    assertTrue(reason(missingShipTo).contains("shipTo"), reason(missingShipTo));
    assertTrue(reason(mismatchedKey).contains("does not match"), reason(mismatchedKey));
    read(poisoned).statusCode(404);
  }

  @Test
  void
      anAuthorizationArrivingWhileTheDatabaseIsDownGetsItsShipmentAfterwardsAndIsNotDeadLettered() {
    String rma = newRmaNumber();
    try (DatabaseOutage outage = DatabaseOutage.begin(jdbcUrl, dbUser, dbPassword)) {
      broker.sendLifecycle(rma, "rma.authorized.v1", authorizedGolden(rma).toString());
      Awaitility.await()
          .atMost(PATIENCE)
          .until(
              () ->
                  given().get("/q/health/ready").statusCode() == 503
                      && given().get("/q/health/ready").asString().contains("stalled since"));
      given().get("/q/health/live").then().statusCode(200);
    }

    awaitStatus(rma, "CREATED");
    List<ConsumerRecord<String, String>> dead = broker.kafka.readToEnd(BrokerFixture.DLQ, PATIENCE);
    assertTrue(
        dead.stream().noneMatch(r -> rma.equals(r.key())),
        "the authorization was dead-lettered during the outage");
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> given().get("/q/health/ready").statusCode() == 200);
  }
}
