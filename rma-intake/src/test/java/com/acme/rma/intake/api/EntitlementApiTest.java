package com.acme.rma.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.intake.support.Outboxes;
import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EntitlementApiTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject MutableClock clock;
  @Inject ObjectMapper mapper;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  @Test
  void opsCreateAnEntitlementWith201AndReplaceItWith200() {
    String serial = Fixtures.serial("EN");
    String partner = Fixtures.partner();
    Fixtures.putEntitlement(serial, Fixtures.entitlement(partner, "GOLD"))
        .statusCode(201)
        .header("Location", endsWith("/api/v1/entitlements/" + serial))
        .body("serialNumber", equalTo(serial))
        .body("partnerId", equalTo(partner))
        .body("maintenanceLevel", equalTo("GOLD"))
        .body("contractStart", equalTo("2026-01-01"))
        .body("endOfLifeDate", equalTo("2030-06-30"))
        .body("extendedSupportUntil", nullValue())
        .body("customerSuccessServicesUntil", nullValue());

    Map<String, Object> silver = Fixtures.entitlement(partner, "SILVER");
    silver.put("serialNumber", serial);
    Fixtures.putEntitlement(serial, silver)
        .statusCode(200)
        .body("maintenanceLevel", equalTo("SILVER"));
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .get("/api/v1/entitlements/{s}", serial)
        .then()
        .statusCode(200)
        .body("maintenanceLevel", equalTo("SILVER"));
  }

  @Test
  void aControlCharacterInThePathIsABadRequestNotAnInternalError() {
    given()
        .urlEncodingEnabled(false)
        .auth()
        .oauth2(TestTokens.ops())
        .get("/api/v1/entitlements/SN%00X")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem("path"));
  }

  @Test
  void publishesEachChangeOnTheEntitlementsTopicKeyedBySerialNumber() throws Exception {
    clock.set(Instant.parse("2026-05-01T00:00:00Z"));
    String serial = Fixtures.serial("EV");
    String partner = Fixtures.partner();
    Fixtures.putEntitlement(serial, Fixtures.entitlement(partner, "GOLD_PLUS")).statusCode(201);
    Fixtures.putEntitlement(serial, Fixtures.entitlement(partner, "GOLD_PLUS")).statusCode(200);

    List<ConsumerRecord<String, String>> records =
        new KafkaTestClient(bootstrap)
            .readUntil(
                "rma.entitlements",
                seen -> seen.stream().anyMatch(r -> serial.equals(r.key())),
                Duration.ofSeconds(20));
    ConsumerRecord<String, String> record =
        records.stream().filter(r -> serial.equals(r.key())).findFirst().orElseThrow();
    assertEquals("rma.entitlement.changed.v1", KafkaTestClient.header(record, "ce_type"));
    assertEquals("/rma-intake", KafkaTestClient.header(record, "ce_source"));
    JsonNode payload = mapper.readTree(record.value());
    assertEquals(partner, payload.get("partnerId").asText());
    assertEquals("2026-05-01T00:00:00Z", payload.get("changedAt").asText());
    // the identical second PUT changed nothing and announced nothing
    assertEquals(1, Outboxes.rows(serial, "rma.entitlement.changed.v1").size());
  }

  @Test
  void theOwningPartnerReadsItsEntitlementAndAnotherPartnerGets404LikeAnUnknownOne() {
    String partner = Fixtures.partner();
    String serial = Fixtures.appliance(partner, "BRONZE");
    given()
        .auth()
        .oauth2(TestTokens.partner(partner))
        .get("/api/v1/entitlements/{s}", serial)
        .then()
        .statusCode(200)
        .body("serialNumber", equalTo(serial));
    String notYours =
        given()
            .auth()
            .oauth2(TestTokens.partner(Fixtures.partner()))
            .get("/api/v1/entitlements/{s}", serial)
            .then()
            .statusCode(404)
            .contentType(PROBLEM)
            .body("code", equalTo("ENTITLEMENT_NOT_FOUND"))
            .extract()
            .path("title");
    String unknown =
        given()
            .auth()
            .oauth2(TestTokens.partner(partner))
            .get("/api/v1/entitlements/{s}", Fixtures.serial("NONE"))
            .then()
            .statusCode(404)
            .body("code", equalTo("ENTITLEMENT_NOT_FOUND"))
            .extract()
            .path("title");
    assertEquals(unknown, notYours);
  }

  @Test
  void refusesAContractThatEndsBeforeItStarts() {
    Map<String, Object> body = Fixtures.entitlement(Fixtures.partner(), "GOLD");
    body.put("contractEnd", "2025-12-31");
    String serial = Fixtures.serial("BAD");
    Fixtures.putEntitlement(serial, body)
        .statusCode(400)
        .contentType(PROBLEM)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem("contractEnd"));
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .get("/api/v1/entitlements/{s}", serial)
        .then()
        .statusCode(404);
  }

  @Test
  void refusesABodySerialNumberThatIsNotThePaths() {
    Map<String, Object> body = Fixtures.entitlement(Fixtures.partner(), "GOLD");
    body.put("serialNumber", "SOMETHING-ELSE");
    Fixtures.putEntitlement(Fixtures.serial("MM"), body)
        .statusCode(400)
        .body("violations.field", hasItem("serialNumber"));
  }

  @Test
  void refusesMissingFieldsUnknownLevelsAndImpossibleDates() {
    Map<String, Object> missing = Fixtures.entitlement(Fixtures.partner(), "GOLD");
    missing.remove("partnerId");
    missing.remove("hardwareShipDate");
    Fixtures.putEntitlement(Fixtures.serial("MF"), missing)
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem("partnerId"))
        .body("violations.field", hasItem("hardwareShipDate"));

    Map<String, Object> platinum = Fixtures.entitlement(Fixtures.partner(), "PLATINUM");
    Fixtures.putEntitlement(Fixtures.serial("UL"), platinum)
        .statusCode(400)
        .body("violations.field", hasItem("maintenanceLevel"));

    Map<String, Object> feb30 = Fixtures.entitlement(Fixtures.partner(), "GOLD");
    feb30.put("contractStart", "2026-02-30");
    Fixtures.putEntitlement(Fixtures.serial("FD"), feb30)
        .statusCode(400)
        .body("violations.field", hasItem("contractStart"));

    given()
        .auth()
        .oauth2(TestTokens.ops())
        .contentType(ContentType.JSON)
        .body("{\"partnerId\": ")
        .put("/api/v1/entitlements/{s}", Fixtures.serial("MJ"))
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_JSON"));
  }

  @Test
  void refusesAMalformedSerialNumberInThePath() {
    Fixtures.putEntitlement("-starts-with-dash", Fixtures.entitlement(Fixtures.partner(), "GOLD"))
        .statusCode(400)
        .body("violations.field", hasItem("serialNumber"));
    Fixtures.putEntitlement("x".repeat(65), Fixtures.entitlement(Fixtures.partner(), "GOLD"))
        .statusCode(400);
  }

  @Test
  void onlyOpsMayWriteEntitlements() {
    String serial = Fixtures.serial("RO");
    Map<String, Object> body = Fixtures.entitlement("P-1001", "GOLD");
    for (String token : List.of(TestTokens.partner("P-1001"), TestTokens.logistics())) {
      given()
          .auth()
          .oauth2(token)
          .contentType(ContentType.JSON)
          .body(body)
          .put("/api/v1/entitlements/{s}", serial)
          .then()
          .statusCode(403)
          .body("code", equalTo("FORBIDDEN"));
    }
    given()
        .auth()
        .oauth2(TestTokens.customer())
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/entitlements/{s}", serial)
        .then()
        .statusCode(403)
        .body("code", equalTo("CONTACT_YOUR_RESELLER"));
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/entitlements/{s}", serial)
        .then()
        .statusCode(401)
        .body("code", equalTo("UNAUTHENTICATED"));
    given()
        .auth()
        .oauth2(TestTokens.logistics())
        .get("/api/v1/entitlements/{s}", serial)
        .then()
        .statusCode(403)
        .body("detail", containsString("role"));
  }
}
