package com.acme.rma.dispatch.adapters.kafka;

import static com.acme.rma.dispatch.TestData.golden;
import static com.acme.rma.dispatch.TestData.newRmaNumber;
import static com.acme.rma.dispatch.TestData.outbox;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.contract.ContractSchemas;
import com.acme.rma.dispatch.TestData;
import com.acme.rma.platform.consume.EventConsumer;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The producer side of the contract: every {@code dispatch.shipment.*.v1} payload this service
 * writes equals its golden example (JSON-equal, fixed clock; only the RMA number differs, since
 * every test works on its own RMA). The inputs are intake's goldens and the carrier golden.
 */
@QuarkusTest
class ShipmentEventGoldenTest {

  @Inject RmaLifecycleListener lifecycle;
  @Inject EventConsumer consumer;
  @Inject MutableClock clock;
  @Inject EntityManager em;

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  @Test
  void createdShippedAndDeliveredMatchTheirGoldens() {
    String rma = newRmaNumber();
    clock.set(Instant.parse("2026-05-01T01:00:05Z"));
    authorize(rma, golden("rma.authorized.v1"));
    ObjectNode carrier = golden("logistics.carrier.status.v1");
    carrier.remove("rmaNumber");
    clock.set(Instant.parse("2026-05-01T03:00:05Z")); // received 5 s after it happened
    report(rma, carrier);
    carrier.put("type", "DELIVERED");
    report(rma, carrier);

    List<TestData.OutboxRow> rows = outbox(em, rma);

    assertEquals(
        List.of(
            "dispatch.shipment.created.v1",
            "dispatch.shipment.shipped.v1",
            "dispatch.shipment.delivered.v1"),
        rows.stream().map(TestData.OutboxRow::type).toList());
    assertMatchesGolden(rows.get(0), rma);
    assertMatchesGolden(rows.get(1), rma);
    assertMatchesGolden(rows.get(2), rma);
  }

  @Test
  void deliveryFailedMatchesItsGolden() {
    String rma = newRmaNumber();
    clock.set(Instant.parse("2026-05-01T01:00:05Z"));
    authorize(rma, golden("rma.authorized.v1"));
    ObjectNode carrier = golden("logistics.carrier.status.v1");
    carrier.remove("rmaNumber");
    clock.set(Instant.parse("2026-05-01T03:00:05Z")); // received 5 s after it happened
    report(rma, carrier);
    carrier.put("type", "DELIVERY_FAILED");
    report(rma, carrier);

    List<TestData.OutboxRow> rows = outbox(em, rma);

    assertEquals("dispatch.shipment.delivery-failed.v1", rows.get(2).type());
    assertMatchesGolden(rows.get(2), rma);
  }

  @Test
  void exportHeldAndExportClearedMatchTheirGoldens() {
    String rma = newRmaNumber();
    // consumed 5 s after the authorization: the hold is dated at the authorization itself
    clock.set(Instant.parse("2026-05-01T02:00:05Z"));
    ObjectNode authorized = golden("rma.authorized.v1");
    authorized.put("authorizedAt", "2026-05-01T02:00:00Z");
    authorized.put("serviceLevel", "SILVER");
    authorized.putNull("serviceCenterId");
    ((ObjectNode) authorized.get("shipTo")).put("country", "CN");
    authorize(rma, authorized);
    ObjectNode cleared = TestData.JSON.createObjectNode();
    cleared.put("type", "EXPORT_CLEARED");
    cleared.put("occurredAt", "2026-05-01T11:00:00+09:00");
    report(rma, cleared);

    List<TestData.OutboxRow> rows = outbox(em, rma);

    assertEquals(
        List.of(
            "dispatch.shipment.created.v1",
            "dispatch.shipment.export-held.v1",
            "dispatch.shipment.export-cleared.v1"),
        rows.stream().map(TestData.OutboxRow::type).toList());
    JsonNode created = rows.get(0).payload();
    assertEquals("EXPORT_HOLD", created.get("status").asText());
    assertEquals(true, created.get("exportCertificateRequired").asBoolean());
    assertEquals("DEPOT", created.get("origin").get("type").asText());
    assertEquals("DEPOT-JP-CENTRAL", created.get("origin").get("id").asText());
    assertEquals("2026-05-01T02:00:05Z", created.get("occurredAt").asText());
    assertMatchesGolden(rows.get(1), rma);
    assertMatchesGolden(rows.get(2), rma);
  }

  @Test
  void cancelledMatchesItsGolden() {
    String rma = newRmaNumber();
    clock.set(Instant.parse("2026-05-01T01:00:05Z"));
    authorize(rma, golden("rma.authorized.v1"));
    ObjectNode cancelled = golden("rma.cancelled.v1");
    cancelled.put("rmaNumber", rma);
    consumer.consume("lifecycle", record(rma, "rma.cancelled.v1", cancelled), lifecycle::apply);

    List<TestData.OutboxRow> rows = outbox(em, rma);

    assertEquals("dispatch.shipment.cancelled.v1", rows.get(1).type());
    assertMatchesGolden(rows.get(1), rma);
  }

  @Test
  void cancelRefusedMatchesItsGolden() {
    String rma = newRmaNumber();
    clock.set(Instant.parse("2026-05-01T01:00:05Z"));
    authorize(rma, golden("rma.authorized.v1"));
    ObjectNode carrier = golden("logistics.carrier.status.v1");
    carrier.remove("rmaNumber");
    carrier.put("occurredAt", "2026-05-01T01:30:00Z");
    clock.set(Instant.parse("2026-05-01T01:30:05Z")); // received 5 s after it happened
    report(rma, carrier);
    ObjectNode cancelled = golden("rma.cancelled.v1");
    cancelled.put("rmaNumber", rma);
    consumer.consume("lifecycle", record(rma, "rma.cancelled.v1", cancelled), lifecycle::apply);

    List<TestData.OutboxRow> rows = outbox(em, rma);

    assertEquals(
        List.of(
            "dispatch.shipment.created.v1",
            "dispatch.shipment.shipped.v1",
            "dispatch.shipment.cancel-refused.v1"),
        rows.stream().map(TestData.OutboxRow::type).toList());
    assertMatchesGolden(rows.get(2), rma);
  }

  private void authorize(String rma, ObjectNode authorized) {
    authorized.put("rmaNumber", rma);
    consumer.consume("lifecycle", record(rma, "rma.authorized.v1", authorized), lifecycle::apply);
  }

  private static void report(String rma, ObjectNode carrierEvent) {
    given()
        .auth()
        .oauth2(TestTokens.logistics())
        .contentType(ContentType.JSON)
        .body(carrierEvent.toString())
        .post("/api/v1/shipments/{rma}/events", rma)
        .then()
        .statusCode(200);
  }

  private static void assertMatchesGolden(TestData.OutboxRow row, String rma) {
    String ceType = row.type();
    ObjectNode expected = golden(ceType);
    expected.put("rmaNumber", rma);
    assertEquals(expected, row.payload(), ceType);
    assertEquals(List.of(), ContractSchemas.validate(ceType, row.payload().toString()), ceType);
  }

  static ConsumerRecord<String, String> record(String key, String ceType, JsonNode data) {
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>("rma.lifecycle", 0, 0L, key, data.toString());
    record.headers().add("ce_specversion", bytes("1.0"));
    record.headers().add("ce_id", bytes(UUID.randomUUID().toString()));
    record.headers().add("ce_source", bytes("/rma-intake"));
    record.headers().add("ce_type", bytes(ceType));
    record.headers().add("ce_time", bytes("2026-05-01T01:00:00Z"));
    return record;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
