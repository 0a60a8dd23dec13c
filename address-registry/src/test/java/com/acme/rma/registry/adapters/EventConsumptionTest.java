package com.acme.rma.registry.adapters;

import static com.acme.rma.registry.support.Api.address;
import static com.acme.rma.registry.support.Api.as;
import static com.acme.rma.registry.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.platform.inbox.PoisonEventException;
import com.acme.rma.registry.adapters.kafka.EntitlementListener;
import com.acme.rma.registry.adapters.kafka.LifecycleListener;
import com.acme.rma.registry.application.Owners;
import com.acme.rma.registry.support.SiteEventLog;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The listeners' rules, record by record, on the real database: intake's golden events applied
 * once, older changes ignored, other types ignored, unreadable ones refused (Argentina).
 */
@QuarkusTest
class EventConsumptionTest {

  private static final String INTAKE = "/rma-intake";

  @Inject EntitlementListener entitlements;
  @Inject LifecycleListener lifecycle;
  @Inject SiteEventLog events;
  @Inject Owners owners;
  @Inject ObjectMapper mapper;

  @Test
  void anEntitlementEventDeliveredTwiceIsAppliedOnce() throws Exception {
    String serial = registeredSite();
    String id = UUID.randomUUID().toString();

    entitlements.consume(entitlement(id, serial, "P-FIRST", "2026-05-01T00:00:00Z"));
    // the same CloudEvent again (here with other data, to make a second effect visible)
    entitlements.consume(entitlement(id, serial, "P-SECOND", "2026-05-02T00:00:00Z"));

    assertEquals(Optional.of("P-FIRST"), ownerOf(serial));
    assertEquals(2, events.siteChanges(serial).size(), "registration, then the owner");
    assertEquals("P-FIRST", events.siteChanges(serial).get(1).get("partnerId").asText());
  }

  @Test
  void anOlderEntitlementChangeDoesNotOverwriteANewerOne() throws Exception {
    String serial = unique("SN");

    entitlements.consume(entitlement(newId(), serial, "P-NEW", "2026-05-02T00:00:00Z"));
    entitlements.consume(entitlement(newId(), serial, "P-OLD", "2026-05-01T00:00:00Z"));

    assertEquals(Optional.of("P-NEW"), ownerOf(serial));
  }

  @Test
  void aNewOwnerIsPublishedWithTheSiteAndMayActOnItWhileTheFormerMayNot() throws Exception {
    String serial = unique("SN");
    entitlements.consume(entitlement(newId(), serial, "P-AR-1", "2026-05-01T00:00:00Z"));
    as(TestTokens.partner("P-AR-1"))
        .body(address("Av. de Mayo 500", "AR", -34.6037, -58.3816))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(200);

    entitlements.consume(entitlement(newId(), serial, "P-AR-2", "2026-06-01T00:00:00Z"));
    entitlements.consume(entitlement(newId(), serial, "P-AR-2", "2026-06-02T00:00:00Z"));

    var published = events.siteChanges(serial);
    assertEquals(2, published.size(), "the same owner again publishes nothing");
    assertEquals("P-AR-2", published.get(1).get("partnerId").asText());
    as(TestTokens.partner("P-AR-1")).get("/api/v1/sites/" + serial).then().statusCode(404);
    as(TestTokens.partner("P-AR-2")).get("/api/v1/sites/" + serial).then().statusCode(200);
  }

  @Test
  void intakesCancelledEventReleasesTheLockOnceAndTheClosedOneForAnotherRmaNothing()
      throws Exception {
    String serial = registeredSite();
    String rma = unique("RMA-2026");
    lock(serial, rma);

    lifecycle.consume(ended("rma.closed.v1", newId(), unique("RMA-2026"), serial));
    as(TestTokens.ops()).get("/api/v1/sites/" + serial).then().body("lock.rmaNumber", equalTo(rma));

    String id = newId();
    lifecycle.consume(ended("rma.cancelled.v1", id, rma, serial));
    lifecycle.consume(ended("rma.cancelled.v1", id, rma, serial));
    lifecycle.consume(ended("rma.closed.v1", newId(), rma, serial));

    as(TestTokens.ops()).get("/api/v1/sites/" + serial).then().body("lock", nullValue());
    assertEquals(3, events.siteChanges(serial).size(), "registration, lock, one release");
  }

  @Test
  void otherLifecycleTypesAreIgnored() throws Exception {
    String serial = registeredSite();
    String rma = unique("RMA-2026");
    lock(serial, rma);
    ObjectNode authorized = golden("rma.authorized.v1.json");
    authorized.put("rmaNumber", rma).put("serialNumber", serial);
    String id = newId();

    lifecycle.consume(record("rma.lifecycle", rma, "rma.authorized.v1", id, authorized.toString()));

    as(TestTokens.ops()).get("/api/v1/sites/" + serial).then().body("lock.rmaNumber", equalTo(rma));
    assertFalse(events.processed(INTAKE, id));
  }

  @Test
  void unreadableEventsAreRefusedAndNotRecordedAsProcessed() {
    String id = newId();
    assertThrows(
        PoisonEventException.class,
        () ->
            lifecycle.consume(
                record("rma.lifecycle", "k", "rma.closed.v1", id, "{\"serialNumber\":\"X\"}")));
    assertThrows(
        PoisonEventException.class,
        () ->
            entitlements.consume(
                record(
                    "rma.entitlements",
                    "k",
                    "rma.entitlement.changed.v1",
                    newId(),
                    "{\"serialNumber\":\"X\",\"partnerId\":\"\"}")));
    ConsumerRecord<String, String> noId =
        new ConsumerRecord<>("rma.lifecycle", 0, 0L, "k", "{\"rmaNumber\":\"R\"}");
    noId.headers().add("ce_type", "rma.closed.v1".getBytes(StandardCharsets.UTF_8));
    assertThrows(PoisonEventException.class, () -> lifecycle.consume(noId));
    assertFalse(events.processed(INTAKE, id));
  }

  @Test
  void processesIntakesGoldenEventsAsTheyAre() throws Exception {
    String id = newId();
    entitlements.consume(
        record(
            "rma.entitlements",
            "NSX-GP-0001",
            "rma.entitlement.changed.v1",
            id,
            Files.readString(
                KafkaFlowTest.INTAKE_EVENTS.resolve("rma.entitlement.changed.v1.json"))));
    assertTrue(events.processed(INTAKE, id));
    assertTrue(ownerOf("NSX-GP-0001").isPresent());

    String closedId = newId();
    lifecycle.consume(
        record(
            "rma.lifecycle",
            "RMA-2026-000042",
            "rma.closed.v1",
            closedId,
            Files.readString(KafkaFlowTest.INTAKE_EVENTS.resolve("rma.closed.v1.json"))));
    assertTrue(events.processed(INTAKE, closedId));
  }

  private String registeredSite() {
    String serial = unique("SN");
    as(TestTokens.ops())
        .body(address("Av. de Mayo 500", "AR", -34.6037, -58.3816))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(200);
    return serial;
  }

  private static void lock(String serial, String rma) {
    as(TestTokens.ops())
        .body(Map.of("rmaNumber", rma))
        .post("/api/v1/sites/" + serial + "/lock")
        .then()
        .statusCode(200);
  }

  private Optional<String> ownerOf(String serial) {
    return QuarkusTransaction.requiringNew().call(() -> owners.ownerOf(serial));
  }

  private ConsumerRecord<String, String> entitlement(
      String id, String serial, String partner, String changedAt) throws Exception {
    ObjectNode data = golden("rma.entitlement.changed.v1.json");
    data.put("serialNumber", serial).put("partnerId", partner).put("changedAt", changedAt);
    return record("rma.entitlements", serial, "rma.entitlement.changed.v1", id, data.toString());
  }

  private ConsumerRecord<String, String> ended(String type, String id, String rma, String serial)
      throws Exception {
    ObjectNode data = golden(type + ".json");
    data.put("rmaNumber", rma).put("serialNumber", serial);
    return record("rma.lifecycle", rma, type, id, data.toString());
  }

  private ObjectNode golden(String file) throws Exception {
    return (ObjectNode)
        mapper.readTree(Files.readString(KafkaFlowTest.INTAKE_EVENTS.resolve(file)));
  }

  private static ConsumerRecord<String, String> record(
      String topic, String key, String type, String id, String value) {
    ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0L, key, value);
    Map.of(
            "ce_specversion",
            "1.0",
            "ce_id",
            id,
            "ce_source",
            INTAKE,
            "ce_type",
            type,
            "ce_time",
            "2026-05-01T00:00:00Z",
            "content-type",
            "application/json")
        .forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
    return record;
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
