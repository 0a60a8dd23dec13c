package com.acme.rma.intake.api;

import static com.acme.rma.intake.support.Fixtures.postRma;
import static com.acme.rma.intake.support.Fixtures.postRmaWithToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.intake.support.Outboxes;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/v1/rmas for every level but Gold Plus (no registry involved). */
@QuarkusTest
class RequestRmaApiTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject MutableClock clock;

  private String partner;

  @BeforeEach
  void fixTime() {
    clock.set(Fixtures.FRIDAY_MORNING);
    partner = Fixtures.partner();
  }

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  private static ExtractableResponse<Response> rmasOf(String serial) {
    return given()
        .auth()
        .oauth2(TestTokens.ops())
        .queryParam("serialNumber", serial)
        .get("/api/v1/rmas")
        .then()
        .statusCode(200)
        .extract();
  }

  @Test
  void authorizesAGoldRequestAtOnceWithANextBusinessDayShipmentTarget() {
    String serial = Fixtures.appliance(partner, "GOLD");
    String number =
        postRma(partner, Fixtures.key(), Fixtures.request(serial))
            .statusCode(201)
            .header("Location", matchesPattern("http://.*/api/v1/rmas/RMA-2026-\\d{6}"))
            .extract()
            .path("rmaNumber");
    assertEquals(1, Outboxes.rows(number, "rma.authorized.v1").size());
  }

  @Test
  void answersTheStoredRmaWithAllItsFields() {
    String serial = Fixtures.appliance(partner, "GOLD");
    ExtractableResponse<Response> created =
        postRma(partner, Fixtures.key(), Fixtures.request(serial))
            .statusCode(201)
            .contentType(ContentType.JSON)
            .body("rmaNumber", matchesPattern("RMA-2026-\\d{6}"))
            .body("serialNumber", equalTo(serial))
            .body("partnerId", equalTo(partner))
            .body("component", equalTo("POWER_SUPPLY"))
            .body("status", equalTo("AUTHORIZED"))
            .body("requestedLevel", equalTo("GOLD"))
            .body("serviceLevel", equalTo("GOLD"))
            .body("downgradeReason", nullValue())
            .body("requestedAt", equalTo("2026-05-01T01:00:00Z"))
            .body("authorizedAt", equalTo("2026-05-01T01:00:00Z"))
            .body("issuesAt", nullValue())
            .body("sla.target", equalTo("SHIPMENT"))
            // Fri 1 May → Golden Week → Thu 7 May 17:30 JST
            .body("sla.dueAt", equalTo("2026-05-07T08:30:00Z"))
            .body("shipTo.city", equalTo("Osaka"))
            .body("addressVersion", nullValue())
            .body("serviceCenterId", nullValue())
            .body("contact.name", equalTo("Hanako Sato"))
            .extract();
    String number = created.path("rmaNumber");
    assertTrue(created.header("Location").endsWith("/api/v1/rmas/" + number));
    Fixtures.get(TestTokens.partner(partner), number)
        .statusCode(200)
        .body("status", equalTo("AUTHORIZED"))
        .body("sla.dueAt", equalTo("2026-05-07T08:30:00Z"));
  }

  @Test
  void answersTheSameRmaForTheSameKeyAndBodyAndMakesNoSecond() {
    String serial = Fixtures.appliance(partner, "SILVER");
    String key = Fixtures.key();
    ExtractableResponse<Response> first =
        postRma(partner, key, Fixtures.request(serial)).statusCode(201).extract();
    clock.advance(java.time.Duration.ofMinutes(5));
    ExtractableResponse<Response> again =
        postRma(partner, key, Fixtures.request(serial)).statusCode(201).extract();
    assertEquals(first.asString(), again.asString());
    assertEquals(first.header("Location"), again.header("Location"));
    assertEquals(1, (int) rmasOf(serial).path("total"));
  }

  @Test
  void refusesTheSameKeyWithAnotherBody() {
    String serial = Fixtures.appliance(partner, "GOLD");
    String key = Fixtures.key();
    postRma(partner, key, Fixtures.request(serial)).statusCode(201);
    Map<String, Object> other = Fixtures.request(serial, "FAN", Fixtures.osaka());
    postRma(partner, key, other)
        .statusCode(422)
        .contentType(PROBLEM)
        .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    assertEquals(1, (int) rmasOf(serial).path("total"));
  }

  @Test
  void scopesIdempotencyKeysToThePartner() {
    String other = Fixtures.partner();
    String key = Fixtures.key();
    postRma(partner, key, Fixtures.request(Fixtures.appliance(partner, "GOLD"))).statusCode(201);
    postRma(other, key, Fixtures.request(Fixtures.appliance(other, "GOLD"))).statusCode(201);
  }

  @Test
  void requiresAnIdempotencyKey() {
    String serial = Fixtures.appliance(partner, "GOLD");
    postRma(partner, null, Fixtures.request(serial))
        .statusCode(400)
        .contentType(PROBLEM)
        .body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
    postRma(partner, "  ", Fixtures.request(serial))
        .statusCode(400)
        .body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
    postRma(partner, "k".repeat(201), Fixtures.request(serial))
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem("Idempotency-Key"));
    assertEquals(0, (int) rmasOf(serial).path("total"));
  }

  @Test
  void validatesTheBodyBeforeTheIdempotencyKey() {
    Map<String, Object> body = Fixtures.request(Fixtures.appliance(partner, "GOLD"));
    body.remove("component");
    postRma(partner, null, body)
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem("component"));
  }

  @Test
  void refusesInvalidFieldsNamingEachOne() {
    Map<String, Object> body = Fixtures.request(Fixtures.appliance(partner, "GOLD"));
    body.put("faultDescription", "x".repeat(4001));
    Map<String, Object> shipTo = Fixtures.osaka();
    shipTo.put("country", "Japan");
    shipTo.put("latitude", 91.0);
    shipTo.remove("line1");
    body.put("shipTo", shipTo);
    body.put("contact", Map.of("name", "", "email", "not-an-address"));
    postRma(partner, Fixtures.key(), body)
        .statusCode(400)
        .contentType(PROBLEM)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body(
            "violations.field",
            hasItems(
                "faultDescription",
                "shipTo.country",
                "shipTo.latitude",
                "shipTo.line1",
                "contact.name",
                "contact.email"));
  }

  @Test
  void acceptsAFaultDescriptionOfExactly4000Characters() {
    Map<String, Object> body = Fixtures.request(Fixtures.appliance(partner, "GOLD"));
    body.put("faultDescription", "x".repeat(4000));
    postRma(partner, Fixtures.key(), body).statusCode(201);
    body.put("faultDescription", "");
    postRma(partner, Fixtures.key(), body)
        .statusCode(400)
        .body("violations.field", hasItem("faultDescription"));
  }

  @Test
  void refusesUnknownComponentsWrongTypesAndMalformedJson() {
    Map<String, Object> body = Fixtures.request(Fixtures.appliance(partner, "GOLD"));
    body.put("component", "FLUX_CAPACITOR");
    postRma(partner, Fixtures.key(), body)
        .statusCode(400)
        .body("violations.field", hasItem("component"));
    body.put("component", "FAN");
    body.put("shipTo", "Osaka");
    postRma(partner, Fixtures.key(), body)
        .contentType(PROBLEM)
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem("shipTo"));
    body.put("shipTo", Fixtures.osaka());
    body.put("contact", java.util.List.of("Hanako"));
    postRma(partner, Fixtures.key(), body)
        .contentType(PROBLEM)
        .statusCode(400)
        .body("violations.field", hasItem("contact"));
    postRma(partner, Fixtures.key(), "[]").statusCode(400).contentType(PROBLEM);
    postRma(partner, Fixtures.key(), "{\"serialNumber\": \"x\", ")
        .statusCode(400)
        .body("code", equalTo("MALFORMED_JSON"));
    postRma(partner, Fixtures.key(), "").statusCode(400).contentType(PROBLEM);
  }

  @Test
  void refusesAnOversizedBodyWith413() {
    Map<String, Object> body = Fixtures.request(Fixtures.appliance(partner, "GOLD"));
    body.put("faultDescription", "x".repeat(70 * 1024));
    postRma(partner, Fixtures.key(), body)
        .statusCode(413)
        .contentType(PROBLEM)
        .body("code", equalTo("PAYLOAD_TOO_LARGE"));
  }

  @Test
  void answersAnUnknownApplianceAndAnotherPartnersApplianceAlikeWith404() {
    String theirs = Fixtures.appliance(Fixtures.partner(), "GOLD");
    String notYours =
        postRma(partner, Fixtures.key(), Fixtures.request(theirs))
            .statusCode(404)
            .contentType(PROBLEM)
            .body("code", equalTo("ENTITLEMENT_NOT_FOUND"))
            .extract()
            .path("title");
    String unknown =
        postRma(partner, Fixtures.key(), Fixtures.request(Fixtures.serial("UNK")))
            .statusCode(404)
            .body("code", equalTo("ENTITLEMENT_NOT_FOUND"))
            .extract()
            .path("title");
    assertEquals(unknown, notYours);
    assertEquals(0, (int) rmasOf(theirs).path("total"));
  }

  @Test
  void refusesAnApplianceTheDayAfterItsEndOfLifeAndStoresNothing() {
    // "today" is the Tokyo date: 2026-05-01
    Map<String, Object> entitlement = Fixtures.entitlement(partner, "GOLD");
    entitlement.put("endOfLifeDate", "2026-04-30");
    String serial = Fixtures.serial("EOL");
    Fixtures.putEntitlement(serial, entitlement).statusCode(201);
    postRma(partner, Fixtures.key(), Fixtures.request(serial))
        .statusCode(422)
        .contentType(PROBLEM)
        .body("code", equalTo("PRODUCT_END_OF_LIFE"))
        .body("endOfLifeDate", equalTo("2026-04-30"));
    assertEquals(0, (int) rmasOf(serial).path("total"));

    entitlement.put("endOfLifeDate", "2026-05-01");
    Fixtures.putEntitlement(serial, entitlement).statusCode(200);
    postRma(partner, Fixtures.key(), Fixtures.request(serial)).statusCode(201);
  }

  @Test
  void servesPastEndOfLifeWithActiveExtendedSupport() {
    Map<String, Object> entitlement = Fixtures.entitlement(partner, "BRONZE");
    entitlement.put("endOfLifeDate", "2026-03-31");
    entitlement.put("extendedSupportUntil", "2026-05-01");
    entitlement.put("customerSuccessServicesUntil", "2026-05-01");
    String serial = Fixtures.serial("EXT");
    Fixtures.putEntitlement(serial, entitlement).statusCode(201);
    postRma(partner, Fixtures.key(), Fixtures.request(serial))
        .statusCode(201)
        .body("serviceLevel", equalTo("BRONZE"));
  }

  @Test
  void refusesExtendedSupportWithoutItsPrerequisitesNamingEachAndStoresNothing() {
    Map<String, Object> entitlement = Fixtures.entitlement(partner, "BRONZE");
    entitlement.put("endOfLifeDate", "2026-03-31");
    entitlement.put("extendedSupportUntil", "2026-12-31");
    entitlement.put("contractEnd", "2026-04-30"); // the base contract ended yesterday
    // no customerSuccessServicesUntil: none on record
    String serial = Fixtures.serial("EXTP");
    Fixtures.putEntitlement(serial, entitlement).statusCode(201);
    postRma(partner, Fixtures.key(), Fixtures.request(serial))
        .statusCode(422)
        .body("code", equalTo("EXTENDED_SUPPORT_PREREQUISITES_MISSING"))
        .body("endOfLifeDate", equalTo("2026-03-31"))
        .body(
            "missingPrerequisites", contains("BASE_SUPPORT_CONTRACT", "CUSTOMER_SUCCESS_SERVICES"));
    assertEquals(0, (int) rmasOf(serial).path("total"));

    entitlement.put("contractEnd", "2027-12-31");
    entitlement.put("customerSuccessServicesUntil", "2026-04-30");
    Fixtures.putEntitlement(serial, entitlement).statusCode(200);
    postRma(partner, Fixtures.key(), Fixtures.request(serial))
        .statusCode(422)
        .body("missingPrerequisites", contains("CUSTOMER_SUCCESS_SERVICES"));

    entitlement.put("customerSuccessServicesUntil", "2026-05-01");
    Fixtures.putEntitlement(serial, entitlement).statusCode(200);
    postRma(partner, Fixtures.key(), Fixtures.request(serial))
        .statusCode(201)
        .body("serviceLevel", equalTo("BRONZE"));
  }

  @Test
  void refusesAnApplianceWithNeitherContractNorWarranty() {
    Map<String, Object> entitlement = Fixtures.entitlement(partner, "GOLD");
    entitlement.put("contractStart", "2025-01-01");
    entitlement.put("contractEnd", "2026-04-30");
    // the warranty ran through 2026-04-30, the day before today
    entitlement.put("hardwareShipDate", "2025-04-30");
    String serial = Fixtures.serial("NC");
    Fixtures.putEntitlement(serial, entitlement).statusCode(201);
    postRma(partner, Fixtures.key(), Fixtures.request(serial))
        .statusCode(422)
        .body("code", equalTo("NO_ACTIVE_COVERAGE"));
    assertEquals(0, (int) rmasOf(serial).path("total"));
  }

  @Test
  void coversByTheHardwareWarrantyWithTenBusinessDaysToShip() {
    Map<String, Object> entitlement = Fixtures.entitlement(partner, "NONE");
    // today, 2026-05-01, is the warranty's last day: the same calendar day a year later
    entitlement.put("hardwareShipDate", "2025-05-01");
    String serial = Fixtures.serial("WAR");
    Fixtures.putEntitlement(serial, entitlement).statusCode(201);
    postRma(partner, Fixtures.key(), Fixtures.request(serial))
        .statusCode(201)
        .body("requestedLevel", equalTo("WARRANTY"))
        .body("serviceLevel", equalTo("WARRANTY"))
        .body("status", equalTo("AUTHORIZED"))
        .body("sla.target", equalTo("SHIPMENT"))
        // 10 business days after Fri 1 May: 7,8,11,12,13,14,15,18,19,20 May
        .body("sla.dueAt", equalTo("2026-05-20T08:30:00Z"));
  }

  @Test
  void refusesASecondOpenRmaForTheSameApplianceNamingTheOpenOne() {
    String serial = Fixtures.appliance(partner, "GOLD");
    String open = Fixtures.rma(partner, Fixtures.request(serial));
    postRma(partner, Fixtures.key(), Fixtures.request(serial, "FAN", Fixtures.osaka()))
        .statusCode(409)
        .contentType(PROBLEM)
        .body("code", equalTo("RMA_ALREADY_OPEN"))
        .body("rmaNumber", equalTo(open));
  }

  @Test
  void requiresAShipToWhenTheApplianceHasNoRegisteredAddress() {
    String serial = Fixtures.appliance(partner, "SILVER");
    postRma(partner, Fixtures.key(), Fixtures.request(serial, "FAN", null))
        .statusCode(422)
        .body("code", equalTo("SHIP_TO_REQUIRED"));
    assertEquals(0, (int) rmasOf(serial).path("total"));
  }

  @Test
  void givesEachRmaItsOwnHumanReadableNumber() {
    String a = Fixtures.rma(partner, Fixtures.request(Fixtures.appliance(partner, "GOLD")));
    String b = Fixtures.rma(partner, Fixtures.request(Fixtures.appliance(partner, "GOLD")));
    assertNotEquals(a, b);
    assertTrue(Long.parseLong(a.substring(9)) < Long.parseLong(b.substring(9)));
  }

  @Test
  void tellsEndCustomersToContactTheirResellerAndRefusesOtherRoles() {
    Map<String, Object> body = Fixtures.request(Fixtures.appliance(partner, "GOLD"));
    postRmaWithToken(TestTokens.customer(), Fixtures.key(), body)
        .statusCode(403)
        .contentType(PROBLEM)
        .body("code", equalTo("CONTACT_YOUR_RESELLER"))
        .body("detail", containsString("reseller"));
    postRmaWithToken(TestTokens.ops(), Fixtures.key(), body)
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN"));
    postRmaWithToken(TestTokens.logistics(), Fixtures.key(), body).statusCode(403);
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .header("Idempotency-Key", Fixtures.key())
        .post("/api/v1/rmas")
        .then()
        .statusCode(401)
        .body("code", equalTo("UNAUTHENTICATED"));
    postRmaWithToken(TestTokens.signedByStranger(), Fixtures.key(), body).statusCode(401);
    postRmaWithToken(TestTokens.forAnotherAudience(), Fixtures.key(), body).statusCode(401);
  }

  @Test
  void neverShowsAStackTrace() {
    postRma(partner, Fixtures.key(), "{\"serialNumber\": 1}")
        .statusCode(not(equalTo(500)))
        .body("trace", nullValue())
        .body("detail", not(emptyOrNullString()));
  }
}
