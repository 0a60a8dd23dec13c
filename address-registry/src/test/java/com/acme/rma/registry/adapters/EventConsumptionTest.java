package com.acme.rma.registry.adapters;

import static com.acme.rma.registry.support.Api.address;
import static com.acme.rma.registry.support.Api.as;
import static com.acme.rma.registry.support.Api.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Goldens;
import com.acme.rma.registry.application.Owners;
import com.acme.rma.registry.support.SiteEventLog;
import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The listeners' rules event by event, through the broker and the database: intake's golden events
 * applied once, older changes ignored, other types ignored, unreadable ones not applied
 * (Argentina). Records with the same key stay in order, so a last "marker" event on the same key
 * tells when everything before it was handled.
 */
@QuarkusTest
class EventConsumptionTest {

  private static final String INTAKE = "/rma-intake";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Inject SiteEventLog events;
  @Inject Owners owners;
  @Inject ObjectMapper mapper;

  @Test
  void anEntitlementEventDeliveredTwiceIsAppliedOnce() throws Exception {
    String serial = registeredSite();
    String id = newId();

    entitlement(id, serial, "P-FIRST", "2026-05-01T00:00:00Z");
    // the same CloudEvent again (here with other data, to make a second effect visible)
    entitlement(id, serial, "P-SECOND", "2026-05-02T00:00:00Z");
    awaitProcessed(entitlement(newId(), serial, "P-FIRST", "2026-05-03T00:00:00Z"));

    assertEquals(Optional.of("P-FIRST"), ownerOf(serial));
    var published = events.siteChanges(serial);
    assertEquals(2, published.size(), "registration, then the owner");
    assertEquals("P-FIRST", published.get(1).get("partnerId").asText());
  }

  @Test
  void anOlderEntitlementChangeDoesNotOverwriteANewerOne() throws Exception {
    String serial = unique("SN");

    entitlement(newId(), serial, "P-NEW", "2026-05-02T00:00:00Z");
    awaitProcessed(entitlement(newId(), serial, "P-OLD", "2026-05-01T00:00:00Z"));

    assertEquals(Optional.of("P-NEW"), ownerOf(serial));
  }

  @Test
  void aNewOwnerIsPublishedWithTheSiteAndMayActOnItWhileTheFormerMayNot() throws Exception {
    String serial = unique("SN");
    awaitProcessed(entitlement(newId(), serial, "P-AR-1", "2026-05-01T00:00:00Z"));
    as(TestTokens.partner("P-AR-1"))
        .body(address("Av. de Mayo 500", "AR", -34.6037, -58.3816))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(200);

    entitlement(newId(), serial, "P-AR-2", "2026-06-01T00:00:00Z");
    awaitProcessed(entitlement(newId(), serial, "P-AR-2", "2026-06-02T00:00:00Z"));

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

    awaitProcessed(ended("rma.closed.v1", newId(), unique("RMA-2026"), serial, rma));
    as(TestTokens.ops()).get("/api/v1/sites/" + serial).then().body("lock.rmaNumber", equalTo(rma));

    String id = newId();
    ended("rma.cancelled.v1", id, rma, serial, rma);
    ended("rma.cancelled.v1", id, rma, serial, rma);
    awaitProcessed(ended("rma.closed.v1", newId(), rma, serial, rma));

    as(TestTokens.ops()).get("/api/v1/sites/" + serial).then().body("lock", nullValue());
    assertEquals(3, events.siteChanges(serial).size(), "registration, lock, one release");
  }

  @Test
  void intakesAbandonedReservationReleasesTheLockTakenForTheNumberThatNeverBecameAnRma()
      throws Exception {
    String serial = registeredSite();
    String phantom = unique("RMA-2026");
    lock(serial, phantom);

    String id = newId();
    ended("rma.reservation.abandoned.v1", id, phantom, serial, phantom);
    awaitProcessed(id);
    as(TestTokens.ops()).get("/api/v1/sites/" + serial).then().body("lock", nullValue());

    // the appliance can be locked again, for the RMA the retry makes
    String next = unique("RMA-2026");
    lock(serial, next);
    awaitProcessed(ended("rma.reservation.abandoned.v1", newId(), phantom, serial, phantom));
    as(TestTokens.ops())
        .get("/api/v1/sites/" + serial)
        .then()
        .body("lock.rmaNumber", equalTo(next));
    assertEquals(4, events.siteChanges(serial).size(), "registration, lock, release, lock");
  }

  @Test
  void aReinstatedRmaTakesItsReleasedLockAgainOnceEvenWhenRedelivered() throws Exception {
    String serial = registeredSite();
    String rma = unique("RMA-2026");
    lock(serial, rma);
    ended("rma.cancelled.v1", newId(), rma, serial, rma);

    String id = newId();
    reinstated(id, rma, serial, 1);
    reinstated(id, rma, serial, 1);
    awaitProcessed(reinstated(newId(), rma, serial, 1)); // a repeat with a new id: already locked

    as(TestTokens.ops()).get("/api/v1/sites/" + serial).then().body("lock.rmaNumber", equalTo(rma));
    assertEquals(
        4, events.siteChanges(serial).size(), "registration, lock, release, the lock again");
    as(TestTokens.ops())
        .body(address("Av. Corrientes 1", "AR", -34.6037, -58.3816))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(409);
  }

  @Test
  void aReinstatementLeavesALockAnotherRmaTookInBetweenAndOneWithoutLockTakesNone()
      throws Exception {
    String serial = registeredSite();
    String rma = unique("RMA-2026");
    String other = unique("RMA-2026");
    lock(serial, rma);
    ended("rma.cancelled.v1", newId(), rma, serial, rma);
    awaitProcessed(ended("rma.closed.v1", newId(), unique("RMA-2026"), serial, rma));
    lock(serial, other);
    awaitProcessed(reinstated(newId(), rma, serial, 1));
    as(TestTokens.ops())
        .get("/api/v1/sites/" + serial)
        .then()
        .body("lock.rmaNumber", equalTo(other));

    String free = registeredSite();
    awaitProcessed(reinstated(newId(), unique("RMA-2026"), free, null));
    as(TestTokens.ops()).get("/api/v1/sites/" + free).then().body("lock", nullValue());
  }

  @Test
  void otherLifecycleTypesAreIgnored() throws Exception {
    String serial = registeredSite();
    String rma = unique("RMA-2026");
    lock(serial, rma);
    ObjectNode authorized = Goldens.node(EventTypes.RMA_AUTHORIZED);
    authorized.put("rmaNumber", rma).put("serialNumber", serial);
    String id = newId();

    send("rma.lifecycle", rma, "rma.authorized.v1", id, authorized.toString());
    awaitProcessed(ended("rma.closed.v1", newId(), unique("RMA-2026"), serial, rma));

    as(TestTokens.ops()).get("/api/v1/sites/" + serial).then().body("lock.rmaNumber", equalTo(rma));
    assertFalse(events.processed(INTAKE, id), "ignored, not recorded");
  }

  @Test
  void unreadableEventsAreNotAppliedAndTheNextOneIs() throws Exception {
    String key = unique("RMA-2026");
    String noRmaNumber = newId();
    String notJson = newId();
    send("rma.lifecycle", key, "rma.closed.v1", noRmaNumber, "{\"serialNumber\":\"X\"}");
    send("rma.lifecycle", key, "rma.cancelled.v1", notJson, "closed, honestly");
    String serial = unique("SN");
    String blankPartner = newId();
    send(
        "rma.entitlements",
        serial,
        "rma.entitlement.changed.v1",
        blankPartner,
        "{\"serialNumber\":\"" + serial + "\",\"partnerId\":\"\"}");

    awaitProcessed(ended("rma.closed.v1", newId(), unique("RMA-2026"), "SN-NONE", key));
    awaitProcessed(entitlement(newId(), serial, "P-AFTER", "2026-05-01T00:00:00Z"));

    assertFalse(events.processed(INTAKE, noRmaNumber));
    assertFalse(events.processed(INTAKE, notJson));
    assertFalse(events.processed(INTAKE, blankPartner));
    assertEquals(Optional.of("P-AFTER"), ownerOf(serial));
  }

  @Test
  void noTakeOverFromAForgedSourceOrAChangeDatedInTheFuture() throws Exception {
    String serial = unique("SN");
    awaitProcessed(entitlement(newId(), serial, "P-OWNER", "2026-05-02T00:00:00Z"));

    ObjectNode data = Goldens.node(EventTypes.ENTITLEMENT_CHANGED);
    data.put("serialNumber", serial).put("partnerId", "P-THIEF");
    String forged = newId();
    send(
        "rma.entitlements",
        serial,
        EventTypes.ENTITLEMENT_CHANGED,
        forged,
        data.put("changedAt", "2026-05-03T00:00:00Z").toString(),
        "/some-pod",
        "2026-05-01T00:00:00Z");
    String future = newId();
    send(
        "rma.entitlements",
        serial,
        EventTypes.ENTITLEMENT_CHANGED,
        future,
        data.put("changedAt", "2099-01-01T00:00:00Z").toString(),
        INTAKE,
        "2026-05-01T00:00:00Z");
    String futureCeTime = newId();
    send(
        "rma.entitlements",
        serial,
        EventTypes.ENTITLEMENT_CHANGED,
        futureCeTime,
        data.put("changedAt", "2026-05-04T00:00:00Z").toString(),
        INTAKE,
        "2099-01-01T00:00:00Z");
    // an older change on the same key: processed after the three, and changes nothing itself
    awaitProcessed(entitlement(newId(), serial, "P-OLDER", "2026-05-01T00:00:00Z"));

    assertEquals(Optional.of("P-OWNER"), ownerOf(serial));
    for (String id : new String[] {forged, future, futureCeTime}) {
      assertFalse(events.processed(INTAKE, id) || events.processed("/some-pod", id));
    }
    var dead =
        new KafkaTestClient(bootstrap)
            .readUntil(
                "address-registry.dlq",
                seen -> seen.stream().filter(r -> serial.equals(r.key())).count() >= 3,
                WAIT);
    Map<String, String> reasons = new java.util.HashMap<>();
    dead.stream()
        .filter(r -> serial.equals(r.key()))
        .forEach(
            r ->
                reasons.put(
                    KafkaTestClient.header(r, "ce_id"),
                    KafkaTestClient.header(r, "dead-letter-reason")));
    assertTrue(reasons.get(forged).startsWith("forged source"), reasons.get(forged));
    assertTrue(
        reasons.get(future).startsWith("time in the future: changedAt"), reasons.get(future));
    assertTrue(
        reasons.get(futureCeTime).startsWith("time in the future: ce_time"),
        reasons.get(futureCeTime));
  }

  @Test
  void processesIntakesGoldenEventsAsTheyAre() throws Exception {
    String entitlement = newId();
    String closed = newId();
    String cancelled = newId();
    send(
        "rma.entitlements",
        "NSX-GP-0001",
        "rma.entitlement.changed.v1",
        entitlement,
        Goldens.json(EventTypes.ENTITLEMENT_CHANGED));
    send(
        "rma.lifecycle",
        "RMA-2026-000042",
        "rma.closed.v1",
        closed,
        Goldens.json(EventTypes.RMA_CLOSED));
    send(
        "rma.lifecycle",
        "RMA-2026-000042",
        "rma.cancelled.v1",
        cancelled,
        Goldens.json(EventTypes.RMA_CANCELLED));

    awaitProcessed(entitlement);
    awaitProcessed(closed);
    awaitProcessed(cancelled);
    assertTrue(ownerOf("NSX-GP-0001").isPresent());
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
    as(TestTokens.service())
        .body(Map.of("rmaNumber", rma))
        .post("/api/v1/sites/" + serial + "/lock")
        .then()
        .statusCode(200);
  }

  private Optional<String> ownerOf(String serial) {
    return QuarkusTransaction.requiringNew().call(() -> owners.ownerOf(serial));
  }

  private void awaitProcessed(String id) {
    await().atMost(WAIT).until(() -> events.processed(INTAKE, id));
  }

  /** Sends intake's golden entitlement event for this appliance and partner; returns its id. */
  private String entitlement(String id, String serial, String partner, String changedAt)
      throws Exception {
    ObjectNode data = Goldens.node(EventTypes.ENTITLEMENT_CHANGED);
    data.put("serialNumber", serial).put("partnerId", partner).put("changedAt", changedAt);
    send("rma.entitlements", serial, "rma.entitlement.changed.v1", id, data.toString());
    return id;
  }

  /** Sends intake's golden close or cancel event for this RMA, keyed as given; returns its id. */
  private String ended(String type, String id, String rma, String serial, String key)
      throws Exception {
    ObjectNode data = Goldens.node(type);
    data.put("rmaNumber", rma).put("serialNumber", serial);
    send("rma.lifecycle", key, type, id, data.toString());
    return id;
  }

  /** Sends intake's golden reinstatement for this RMA and appliance; returns its id. */
  private String reinstated(String id, String rma, String serial, Integer addressVersion)
      throws Exception {
    ObjectNode data = Goldens.node(EventTypes.RMA_REINSTATED);
    data.put("rmaNumber", rma).put("serialNumber", serial).put("addressVersion", addressVersion);
    send("rma.lifecycle", rma, "rma.reinstated.v1", id, data.toString());
    return id;
  }

  private void send(String topic, String key, String type, String id, String value) {
    send(topic, key, type, id, value, INTAKE, "2026-05-01T00:00:00Z");
  }

  private void send(
      String topic, String key, String type, String id, String value, String source, String time) {
    new KafkaTestClient(bootstrap)
        .send(
            topic,
            key,
            value,
            Map.of(
                "ce_specversion",
                "1.0",
                "ce_id",
                id,
                "ce_source",
                source,
                "ce_type",
                type,
                "ce_time",
                time,
                "content-type",
                "application/json"));
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
