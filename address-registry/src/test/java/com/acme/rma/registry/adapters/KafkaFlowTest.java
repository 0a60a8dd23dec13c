package com.acme.rma.registry.adapters;

import static com.acme.rma.registry.support.Api.address;
import static com.acme.rma.registry.support.Api.as;
import static com.acme.rma.registry.support.Api.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Goldens;
import com.acme.rma.contract.Topics;
import com.acme.rma.registry.application.Owners;
import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Through the real broker and the real database: intake's events in (its golden examples), site
 * changes out on registry.sites as binary CloudEvents, poison to the dead-letter topic (Chile).
 */
@QuarkusTest
class KafkaFlowTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Inject ObjectMapper mapper;
  @Inject Owners owners;

  @Test
  void learnsTheOwnerFromIntakesEntitlementEventAndThenLetsThatPartnerRegister() throws Exception {
    String serial = unique("SN");
    String partner = unique("P");
    ObjectNode entitlement = Goldens.node(EventTypes.ENTITLEMENT_CHANGED);
    entitlement.put("serialNumber", serial).put("partnerId", partner);

    kafka()
        .sendCloudEvent(
            "rma.entitlements",
            serial,
            "rma.entitlement.changed.v1",
            "/rma-intake",
            entitlement.toString());

    await()
        .atMost(WAIT)
        .until(
            () -> QuarkusTransaction.requiringNew().call(() -> owners.ownerOf(serial)).isPresent());
    as(TestTokens.partner(partner))
        .body(address("Av. Apoquindo 3000", "CL", -33.4489, -70.6693))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(200)
        .body("version", equalTo(1));
    as(TestTokens.partner("P-SOMEONE-ELSE")).get("/api/v1/sites/" + serial).then().statusCode(404);
  }

  /**
   * Ownership drift over the real broker: until the entitlement event of the move arrives, the new
   * owner's lock is answered 409 {@code SITE_OWNER_NOT_RECORDED} (never 404 "no site", which intake
   * would read as "not registered" and downgrade); once it arrives, the lock is granted.
   */
  @Test
  void aLockByTheNewOwnerIsNeverAnsweredNoSiteAndIsGrantedOnceTheMoveArrives() throws Exception {
    String serial = unique("SN");
    String previous = unique("P");
    String next = unique("P");
    sendEntitlement(serial, previous, "2026-05-01T00:00:00Z");
    await()
        .atMost(WAIT)
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(() -> owners.ownerOf(serial))
                    .equals(java.util.Optional.of(previous)));
    as(TestTokens.ops())
        .body(address("Av. Apoquindo 3000", "CL", -33.4489, -70.6693))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(200);
    String rma = unique("RMA-2026");
    String lock = "/api/v1/sites/" + serial + "/lock";

    as(TestTokens.service())
        .body(Map.of("rmaNumber", rma, "partnerId", next))
        .post(lock)
        .then()
        .statusCode(409)
        .body("code", equalTo("SITE_OWNER_NOT_RECORDED"));

    sendEntitlement(serial, next, "2026-05-02T00:00:00Z");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                as(TestTokens.service())
                    .body(Map.of("rmaNumber", rma, "partnerId", next))
                    .post(lock)
                    .then()
                    .statusCode(200)
                    .body("rmaNumber", equalTo(rma)));
    as(TestTokens.partner(next)).delete(lock + "/" + rma).then().statusCode(403);
  }

  private void sendEntitlement(String serial, String partner, String changedAt) throws Exception {
    ObjectNode entitlement = Goldens.node(EventTypes.ENTITLEMENT_CHANGED);
    entitlement.put("serialNumber", serial).put("partnerId", partner).put("changedAt", changedAt);
    kafka()
        .sendCloudEvent(
            Topics.ENTITLEMENTS,
            serial,
            EventTypes.ENTITLEMENT_CHANGED,
            "/rma-intake",
            entitlement.toString());
  }

  @Test
  void releasesTheLockWhenIntakeClosesTheRmaAndPublishesEveryChangeOnRegistrySites()
      throws Exception {
    String serial = unique("SN");
    String rma = unique("RMA-2026");
    as(TestTokens.ops())
        .body(address("Av. Apoquindo 3000", "CL", -33.4489, -70.6693))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(200);
    as(TestTokens.service())
        .body(Map.of("rmaNumber", rma))
        .post("/api/v1/sites/" + serial + "/lock")
        .then()
        .statusCode(200);
    ObjectNode closed = Goldens.node(EventTypes.RMA_CLOSED);
    closed.put("rmaNumber", rma).put("serialNumber", serial);

    kafka().sendCloudEvent("rma.lifecycle", rma, "rma.closed.v1", "/rma-intake", closed.toString());

    await()
        .atMost(WAIT)
        .until(() -> as(TestTokens.ops()).get("/api/v1/sites/" + serial).path("lock") == null);
    List<ConsumerRecord<String, String>> records =
        kafka().readUntil("registry.sites", seen -> ofSite(seen, serial).size() == 3, WAIT);
    List<ConsumerRecord<String, String>> site = ofSite(records, serial);
    JsonNode registered = mapper.readTree(site.get(0).value());
    JsonNode locked = mapper.readTree(site.get(1).value());
    JsonNode released = mapper.readTree(site.get(2).value());
    assertTrue(registered.get("lock").isNull());
    assertEquals(rma, locked.get("lock").get("rmaNumber").asText());
    assertTrue(locked.get("lock").get("lockedAt").asText().endsWith("Z"));
    assertTrue(released.get("lock").isNull());
    assertEquals(1, released.get("version").asInt());
    assertEquals("OUT_OF_SERVICE_AREA", released.get("goldPlus").get("reason").asText());
    for (ConsumerRecord<String, String> record : site) {
      assertEquals("1.0", KafkaTestClient.header(record, "ce_specversion"));
      assertEquals("registry.site.changed.v1", KafkaTestClient.header(record, "ce_type"));
      assertEquals("/address-registry", KafkaTestClient.header(record, "ce_source"));
      assertEquals("application/json", KafkaTestClient.header(record, "content-type"));
      assertTrue(KafkaTestClient.header(record, "ce_time").endsWith("Z"));
      assertTrue(KafkaTestClient.header(record, "ce_id").length() > 10);
    }
  }

  @Test
  void sendsUnreadableEventsToItsDeadLetterTopicAndGoesOn() throws Exception {
    String serial = unique("SN");
    String rma = unique("RMA-2026");
    as(TestTokens.ops())
        .body(address("Av. Apoquindo 3000", "CL", -33.4489, -70.6693))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(200);
    as(TestTokens.service())
        .body(Map.of("rmaNumber", rma))
        .post("/api/v1/sites/" + serial + "/lock")
        .then()
        .statusCode(200);
    String poison = "not json " + UUID.randomUUID();
    String noPartner =
        "{\"serialNumber\":\"" + serial + "\",\"marker\":\"" + UUID.randomUUID() + "\"}";

    kafka().sendCloudEvent("rma.lifecycle", rma, "rma.cancelled.v1", "/rma-intake", poison);
    kafka()
        .sendCloudEvent(
            "rma.entitlements", serial, "rma.entitlement.changed.v1", "/rma-intake", noPartner);
    kafka()
        .send(
            "rma.lifecycle",
            rma,
            "{\"rmaNumber\":\"" + rma + "\"}",
            Map.of("ce_specversion", "1.0", "ce_type", "rma.cancelled.v1"));
    ObjectNode cancelled = Goldens.node(EventTypes.RMA_CANCELLED);
    cancelled.put("rmaNumber", rma).put("serialNumber", serial);
    kafka()
        .sendCloudEvent(
            "rma.lifecycle", rma, "rma.cancelled.v1", "/rma-intake", cancelled.toString());

    await()
        .atMost(WAIT)
        .until(() -> as(TestTokens.ops()).get("/api/v1/sites/" + serial).path("lock") == null);
    List<ConsumerRecord<String, String>> dead =
        kafka()
            .readUntil(
                "address-registry.dlq",
                seen ->
                    seen.stream().anyMatch(r -> poison.equals(r.value()))
                        && seen.stream().anyMatch(r -> noPartner.equals(r.value())),
                WAIT);
    ConsumerRecord<String, String> unreadable =
        dead.stream().filter(r -> poison.equals(r.value())).findFirst().orElseThrow();
    ConsumerRecord<String, String> incomplete =
        dead.stream().filter(r -> noPartner.equals(r.value())).findFirst().orElseThrow();
    assertTrue(
        KafkaTestClient.header(unreadable, "dead-letter-reason").contains("RmaEnded"),
        KafkaTestClient.header(unreadable, "dead-letter-reason"));
    assertTrue(
        KafkaTestClient.header(incomplete, "dead-letter-reason").contains("partnerId"),
        KafkaTestClient.header(incomplete, "dead-letter-reason"));
  }

  private KafkaTestClient kafka() {
    return new KafkaTestClient(bootstrap);
  }

  private static List<ConsumerRecord<String, String>> ofSite(
      List<ConsumerRecord<String, String>> records, String serial) {
    return records.stream().filter(r -> serial.equals(r.key())).toList();
  }
}
