package com.acme.rma.intake.api;

import static com.acme.rma.intake.support.Fixtures.postRma;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.intake.support.Outboxes;
import com.acme.rma.intake.support.RegistryStub;
import com.acme.rma.intake.support.RegistryStubClient;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gold Plus requests against a stub of the registry's lock API (rules §4). */
@QuarkusTest
class GoldPlusRequestTest {

  @Inject MutableClock clock;

  @ConfigProperty(name = RegistryStub.URL_PROPERTY)
  String registryUrl;

  @ConfigProperty(name = "rma.intake.service-token.value")
  String serviceToken;

  private RegistryStubClient registry;
  private String partner;
  private String serial;

  @BeforeEach
  void goldPlusAppliance() {
    clock.set(Fixtures.FRIDAY_MORNING);
    registry = new RegistryStubClient(registryUrl);
    partner = Fixtures.partner();
    serial = Fixtures.appliance(partner, "GOLD_PLUS");
  }

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  private int rmasOfTheAppliance() {
    return given()
        .auth()
        .oauth2(TestTokens.ops())
        .queryParam("serialNumber", serial)
        .get("/api/v1/rmas")
        .then()
        .statusCode(200)
        .extract()
        .path("total");
  }

  @Test
  void locksTheRegisteredAddressAndShipsFromTheServiceCenterWithinFourHours() {
    registry.register(serial, RegistryStubClient.eligibleSite());
    String token = TestTokens.partner(partner);
    String number =
        Fixtures.postRmaWithToken(token, Fixtures.key(), Fixtures.request(serial, "FAN", null))
            .statusCode(201)
            .body("requestedLevel", equalTo("GOLD_PLUS"))
            .body("serviceLevel", equalTo("GOLD_PLUS"))
            .body("downgradeReason", nullValue())
            .body("serviceCenterId", equalTo("SC-TYO-1"))
            .body("addressVersion", equalTo(3))
            .body("shipTo.line1", equalTo("1-1 Marunouchi"))
            .body("shipTo.latitude", equalTo(35.6812f))
            .body("sla.target", equalTo("DELIVERY"))
            .body("sla.dueAt", equalTo("2026-05-01T05:00:00Z"))
            .extract()
            .path("rmaNumber");

    List<Map<String, Object>> locks = registry.calls(serial, "POST");
    assertEquals(1, locks.size());
    assertEquals(
        "Bearer " + serviceToken,
        locks.get(0).get("authorization"),
        "intake locks as itself, never with the partner's token");
    assertEquals(
        "{\"rmaNumber\":\"" + number + "\",\"partnerId\":\"" + partner + "\"}",
        locks.get(0).get("body"));
    assertEquals(number, registry.site(serial).get("holder"));
  }

  @Test
  void downgradesToGoldWhenTheSiteIsOutsideTheServiceAreaButKeepsTheAddressLocked() {
    registry.register(serial, RegistryStubClient.ineligibleSite("OUT_OF_SERVICE_AREA"));
    String number = Fixtures.rma(partner, Fixtures.request(serial, "FAN", null));
    Fixtures.get(TestTokens.partner(partner), number)
        .statusCode(200)
        .body("requestedLevel", equalTo("GOLD_PLUS"))
        .body("serviceLevel", equalTo("GOLD"))
        .body("downgradeReason", equalTo("OUT_OF_SERVICE_AREA"))
        .body("serviceCenterId", nullValue())
        .body("addressVersion", equalTo(3))
        .body("shipTo.city", equalTo("Chiyoda-ku"))
        .body("sla.target", equalTo("SHIPMENT"))
        .body("sla.dueAt", equalTo("2026-05-07T08:30:00Z"));
    assertEquals(number, registry.site(serial).get("holder"));
  }

  @Test
  void downgradesToGoldWhileTheServiceCenterIsPending() {
    registry.register(serial, RegistryStubClient.ineligibleSite("SERVICE_CENTER_PENDING"));
    postRma(partner, Fixtures.key(), Fixtures.request(serial, "FAN", null))
        .statusCode(201)
        .body("serviceLevel", equalTo("GOLD"))
        .body("downgradeReason", equalTo("SERVICE_CENTER_PENDING"));
  }

  @Test
  void downgradesToGoldForAnExcludedComponentButStillLocksTheAddress() {
    registry.register(serial, RegistryStubClient.eligibleSite());
    String number =
        postRma(partner, Fixtures.key(), Fixtures.request(serial, "TRANSCEIVER", null))
            .statusCode(201)
            .body("serviceLevel", equalTo("GOLD"))
            .body("downgradeReason", equalTo("COMPONENT_EXCLUDED"))
            .body("serviceCenterId", nullValue())
            .body("addressVersion", equalTo(3))
            .extract()
            .path("rmaNumber");
    assertEquals(number, registry.site(serial).get("holder"));
  }

  @Test
  void downgradesToGoldWhenNoAddressIsRegisteredAndShipsToTheRequestedOne() {
    postRma(partner, Fixtures.key(), Fixtures.request(serial))
        .statusCode(201)
        .body("serviceLevel", equalTo("GOLD"))
        .body("downgradeReason", equalTo("ADDRESS_NOT_REGISTERED"))
        .body("shipTo.city", equalTo("Osaka"))
        .body("addressVersion", nullValue());
  }

  @Test
  void requiresAShipToWhenNoAddressIsRegistered() {
    postRma(partner, Fixtures.key(), Fixtures.request(serial, "FAN", null))
        .statusCode(422)
        .body("code", equalTo("SHIP_TO_REQUIRED"));
    assertEquals(0, rmasOfTheAppliance());
  }

  @Test
  void refusesAShipToOtherThanTheRegisteredAddressAndReleasesTheLock() {
    registry.register(serial, RegistryStubClient.eligibleSite());
    postRma(partner, Fixtures.key(), Fixtures.request(serial))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("ADDRESS_CHANGE_NOT_ACCEPTED"))
        .body("registeredAddress.line1", equalTo("1-1 Marunouchi"));
    assertEquals(0, rmasOfTheAppliance());
    assertNull(registry.site(serial).get("holder"));
    assertEquals(1, registry.calls(serial, "DELETE").size());
  }

  @Test
  void acceptsAShipToThatIsTheRegisteredAddress() {
    registry.register(serial, RegistryStubClient.eligibleSite());
    Map<String, Object> same = new java.util.LinkedHashMap<>(Fixtures.TOKYO);
    same.put("line1", "1-1 MARUNOUCHI");
    same.remove("latitude");
    same.remove("longitude");
    postRma(partner, Fixtures.key(), Fixtures.request(serial, "FAN", same))
        .statusCode(201)
        .body("serviceLevel", equalTo("GOLD_PLUS"))
        .body("shipTo.line1", equalTo("1-1 Marunouchi"));
  }

  @Test
  void answersRmaAlreadyOpenNamingTheRmaThatHoldsTheLock() {
    Map<String, Object> site = RegistryStubClient.eligibleSite();
    site.put("holder", "RMA-2026-999999");
    registry.register(serial, site);
    postRma(partner, Fixtures.key(), Fixtures.request(serial, "FAN", null))
        .statusCode(409)
        .body("code", equalTo("RMA_ALREADY_OPEN"))
        .body("rmaNumber", equalTo("RMA-2026-999999"));
    assertEquals(0, rmasOfTheAppliance());
  }

  @Test
  void releasesTheLockOfACancelledRmaTheRegistryStillHoldsAndLocksAgain() {
    registry.register(serial, RegistryStubClient.eligibleSite());
    String first = Fixtures.rma(partner, Fixtures.request(serial, "FAN", null));
    Fixtures.cancel(TestTokens.partner(partner), first).statusCode(200);
    // the stub does not consume rma.cancelled.v1: it still holds the first RMA's lock
    assertEquals(first, registry.site(serial).get("holder"));

    String second = Fixtures.rma(partner, Fixtures.request(serial, "DISK", null));
    assertEquals(second, registry.site(serial).get("holder"));
    assertTrue(
        registry.calls(serial, "DELETE").stream()
            .anyMatch(c -> ((String) c.get("path")).endsWith("/lock/" + first)));
  }

  /**
   * Ownership drift: the appliance has just moved to another partner; intake's entitlement says so,
   * the registry's copy does not yet. The new owner's Gold Plus request is never served at GOLD as
   * {@code ADDRESS_NOT_REGISTERED}: 503 to retry, then the retry with the same key is GOLD_PLUS.
   */
  @Test
  void aGoldPlusRequestByTheNewOwnerIsNotDowngradedWhileTheRegistryLagsBehindTheMove() {
    String newOwner = Fixtures.partner();
    Fixtures.putEntitlement(serial, Fixtures.entitlement(newOwner, "GOLD_PLUS")).statusCode(200);
    Map<String, Object> site = RegistryStubClient.eligibleSite();
    site.put("ownerNotRecorded", 1);
    registry.register(serial, site);

    // the previous owner is refused by intake, which owns the decision: the registry is not asked
    postRma(partner, Fixtures.key(), Fixtures.request(serial, "FAN", null)).statusCode(404);
    assertEquals(0, registry.calls(serial, "POST").size());

    String key = Fixtures.key();
    postRma(newOwner, key, Fixtures.request(serial, "FAN", null))
        .statusCode(503)
        .header("Retry-After", "5")
        .contentType("application/problem+json")
        .body("code", equalTo("DEPENDENCY_UNAVAILABLE"));
    assertEquals(0, rmasOfTheAppliance());
    assertNull(registry.site(serial).get("holder"));

    postRma(newOwner, key, Fixtures.request(serial, "FAN", null))
        .statusCode(201)
        .body("partnerId", equalTo(newOwner))
        .body("serviceLevel", equalTo("GOLD_PLUS"))
        .body("downgradeReason", nullValue())
        .body("serviceCenterId", equalTo("SC-TYO-1"));
  }

  @Test
  void answers503WithRetryAfterWhenTheRegistryFailsAndStoresNothing() {
    Map<String, Object> site = RegistryStubClient.eligibleSite();
    site.put("failures", 2);
    registry.register(serial, site);
    String key = Fixtures.key();
    postRma(partner, key, Fixtures.request(serial, "FAN", null))
        .statusCode(503)
        .header("Retry-After", "5")
        .contentType("application/problem+json")
        .body("code", equalTo("DEPENDENCY_UNAVAILABLE"));
    assertEquals(0, rmasOfTheAppliance());
    assertNull(registry.site(serial).get("holder"));

    // nothing was stored under the key either: the retry goes through
    String number =
        postRma(partner, key, Fixtures.request(serial, "FAN", null))
            .statusCode(201)
            .extract()
            .path("rmaNumber");
    assertEquals(1, Outboxes.rows(number, "rma.authorized.v1").size());
  }

  @Test
  void retriesTheLockOnceWhenTheRegistryFailsOnce() {
    Map<String, Object> site = RegistryStubClient.eligibleSite();
    site.put("failures", 1);
    registry.register(serial, site);
    postRma(partner, Fixtures.key(), Fixtures.request(serial, "FAN", null))
        .statusCode(201)
        .body("serviceLevel", equalTo("GOLD_PLUS"));
    assertEquals(2, registry.calls(serial, "POST").size());
  }

  @Test
  void answers503WhenTheRegistryAnswersTooSlowly() {
    Map<String, Object> site = RegistryStubClient.eligibleSite();
    site.put("delayMillis", 2500);
    registry.register(serial, site);
    postRma(partner, Fixtures.key(), Fixtures.request(serial, "FAN", null))
        .statusCode(503)
        .header("Retry-After", "5")
        .body("code", equalTo("DEPENDENCY_UNAVAILABLE"));
    assertEquals(0, rmasOfTheAppliance());
  }

  @Test
  void replaysAGoldPlusRequestWithoutAskingTheRegistryAgain() {
    registry.register(serial, RegistryStubClient.eligibleSite());
    String key = Fixtures.key();
    String first =
        postRma(partner, key, Fixtures.request(serial, "FAN", null))
            .statusCode(201)
            .extract()
            .asString();
    String again =
        postRma(partner, key, Fixtures.request(serial, "FAN", null))
            .statusCode(201)
            .extract()
            .asString();
    assertEquals(first, again);
    assertEquals(1, registry.calls(serial, "POST").size());
  }
}
