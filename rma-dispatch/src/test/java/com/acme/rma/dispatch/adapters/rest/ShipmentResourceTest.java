package com.acme.rma.dispatch.adapters.rest;

import static com.acme.rma.dispatch.TestData.SHANGHAI;
import static com.acme.rma.dispatch.TestData.TOKYO;
import static com.acme.rma.dispatch.TestData.newRmaNumber;
import static com.acme.rma.dispatch.TestData.order;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.dispatch.TestData;
import com.acme.rma.dispatch.application.CreateShipment;
import com.acme.rma.dispatch.domain.ServiceLevel;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShipmentResourceTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject CreateShipment createShipment;
  @Inject MutableClock clock;
  @Inject EntityManager em;

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  private String goldPlusShipment() {
    String rma = newRmaNumber();
    createShipment.create(order(rma, ServiceLevel.GOLD_PLUS, TOKYO));
    return rma;
  }

  private static ValidatableResponse report(String rma, String body) {
    return given()
        .auth()
        .oauth2(TestTokens.logistics())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/shipments/{rma}/events", rma)
        .then();
  }

  private static String event(String type, String occurredAt) {
    return "{\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt + "\"}";
  }

  // ---- reads

  @Test
  void opsReadsAShipmentAsTheContractShowsIt() {
    clock.set(Instant.parse("2026-05-01T01:00:05Z"));
    String rma = goldPlusShipment();

    given()
        .auth()
        .oauth2(TestTokens.ops())
        .get("/api/v1/shipments/{rma}", rma)
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("rmaNumber", equalTo(rma))
        .body("serviceLevel", equalTo("GOLD_PLUS"))
        .body("status", equalTo("CREATED"))
        .body("origin.type", equalTo("SERVICE_CENTER"))
        .body("origin.id", equalTo("SC-TYO-1"))
        .body("shipTo.line1", equalTo("1-1 Marunouchi"))
        .body("shipTo.country", equalTo("JP"))
        .body("shipTo.latitude", equalTo(35.6812f))
        .body("exportCertificateRequired", equalTo(false))
        .body("carrier", nullValue())
        .body("trackingNumber", nullValue())
        .body("createdAt", equalTo("2026-05-01T01:00:05Z"))
        .body("shippedAt", nullValue())
        .body("deliveredAt", nullValue())
        .body("history.status", contains("CREATED"))
        .body("history.at", contains("2026-05-01T01:00:05Z"))
        .body("$", not(hasKey("partnerId")))
        .body("$", not(hasKey("serialNumber")));
  }

  @Test
  void logisticsReadsAnyShipment() {
    String rma = goldPlusShipment();

    given()
        .auth()
        .oauth2(TestTokens.logistics())
        .get("/api/v1/shipments/{rma}", rma)
        .then()
        .statusCode(200)
        .body("rmaNumber", equalTo(rma));
  }

  @Test
  void theOwningPartnerReadsItsShipment() {
    String rma = goldPlusShipment();

    given()
        .auth()
        .oauth2(TestTokens.partner("P-1001"))
        .get("/api/v1/shipments/{rma}", rma)
        .then()
        .statusCode(200)
        .body("rmaNumber", equalTo(rma));
  }

  @Test
  void anotherPartnerGetsTheSameNotFoundAsForAMissingShipment() {
    String rma = goldPlusShipment();

    given()
        .auth()
        .oauth2(TestTokens.partner("P-2002"))
        .get("/api/v1/shipments/{rma}", rma)
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("code", equalTo("SHIPMENT_NOT_FOUND"))
        .body("detail", equalTo("No shipment for RMA " + rma + "."));
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .get("/api/v1/shipments/{rma}", "RMA-2026-999999")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("code", equalTo("SHIPMENT_NOT_FOUND"));
  }

  @Test
  void aPathThatCannotBeAnRmaNumberIsABadRequest() {
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .get("/api/v1/shipments/{rma}", "not an rma!")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem("rmaNumber"));
  }

  @Test
  void readsNeedAValidTokenAndARole() {
    String rma = goldPlusShipment();

    given()
        .get("/api/v1/shipments/{rma}", rma)
        .then()
        .statusCode(401)
        .contentType(PROBLEM)
        .body("code", equalTo("UNAUTHENTICATED"));
    given()
        .auth()
        .oauth2(TestTokens.signedByStranger())
        .get("/api/v1/shipments/{rma}", rma)
        .then()
        .statusCode(401)
        .body("code", equalTo("UNAUTHENTICATED"));
    given()
        .auth()
        .oauth2(TestTokens.forAnotherAudience())
        .get("/api/v1/shipments/{rma}", rma)
        .then()
        .statusCode(401)
        .body("code", equalTo("UNAUTHENTICATED"));
    given()
        .auth()
        .oauth2(TestTokens.customer())
        .get("/api/v1/shipments/{rma}", rma)
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("code", equalTo("CONTACT_YOUR_RESELLER"));
  }

  // ---- lists

  @Test
  void listsNewestFirstInPages() {
    String older = newRmaNumber();
    String newer = newRmaNumber();
    clock.set(Instant.parse("2090-01-01T00:00:00Z"));
    createShipment.create(order(older, ServiceLevel.BRONZE, TOKYO));
    clock.set(Instant.parse("2090-01-01T00:00:01Z"));
    createShipment.create(order(newer, ServiceLevel.BRONZE, TOKYO));

    given()
        .auth()
        .oauth2(TestTokens.ops())
        .queryParam("size", "2")
        .get("/api/v1/shipments")
        .then()
        .statusCode(200)
        .body("items.rmaNumber", contains(newer, older))
        .body("page", equalTo(0))
        .body("size", equalTo(2))
        .body("total", greaterThanOrEqualTo(2));
    given()
        .auth()
        .oauth2(TestTokens.logistics())
        .queryParam("size", "1")
        .queryParam("page", "1")
        .get("/api/v1/shipments")
        .then()
        .statusCode(200)
        .body("items.rmaNumber", contains(older))
        .body("page", equalTo(1));
  }

  @Test
  void filtersTheListByStatus() {
    String held = newRmaNumber();
    createShipment.create(order(held, ServiceLevel.SILVER, SHANGHAI));

    List<String> onHold =
        given()
            .auth()
            .oauth2(TestTokens.ops())
            .queryParam("status", "EXPORT_HOLD")
            .queryParam("size", "200")
            .get("/api/v1/shipments")
            .then()
            .statusCode(200)
            .body("items.status", everyItem(equalTo("EXPORT_HOLD")))
            .extract()
            .path("items.rmaNumber");
    assertEquals(true, onHold.contains(held), onHold.toString());
  }

  @Test
  void badListParametersAreBadRequestsNamingTheParameter() {
    for (String[] bad :
        new String[][] {
          {"status", "LOST"},
          {"page", "-1"},
          {"page", "x"},
          {"size", "0"},
          {"size", "201"},
          {"page", "2147483647"},
          {"page", "50000001"} // × size 20: past the deepest offset, 1,000,000,000
        }) {
      given()
          .auth()
          .oauth2(TestTokens.ops())
          .queryParam(bad[0], bad[1])
          .get("/api/v1/shipments")
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("code", equalTo("VALIDATION_FAILED"))
          .body("violations.field", hasItem(bad[0]));
    }
  }

  @Test
  void partnersMayNotList() {
    given()
        .auth()
        .oauth2(TestTokens.partner("P-1001"))
        .get("/api/v1/shipments")
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("code", equalTo("FORBIDDEN"));
  }

  // ---- carrier events

  @Test
  void logisticsReportsProgressAndGetsTheShipmentBack() {
    String rma = goldPlusShipment();

    report(
            rma,
            "{\"type\":\"SHIPPED\",\"occurredAt\":\"2026-05-01T12:00:00+09:00\","
                + "\"carrier\":\"Yamato Transport\",\"trackingNumber\":\"4901-2345-6789\"}")
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("status", equalTo("SHIPPED"))
        .body("shippedAt", equalTo("2026-05-01T03:00:00Z"))
        .body("carrier", equalTo("Yamato Transport"))
        .body("trackingNumber", equalTo("4901-2345-6789"))
        .body("history.status", contains("CREATED", "SHIPPED"))
        .body("history[1].at", equalTo("2026-05-01T03:00:00Z"));
    report(rma, event("DELIVERED", "2026-05-01T04:00:00Z"))
        .statusCode(200)
        .body("status", equalTo("DELIVERED"))
        .body("deliveredAt", equalTo("2026-05-01T04:00:00Z"))
        .body("carrier", equalTo("Yamato Transport"));

    assertEquals(
        List.of(
            "dispatch.shipment.created.v1",
            "dispatch.shipment.shipped.v1",
            "dispatch.shipment.delivered.v1"),
        TestData.outbox(em, rma).stream().map(TestData.OutboxRow::type).toList());
  }

  @Test
  void carrierTimesMustBeBelievableAndTheirReceiptIsRecorded() {
    String rma = goldPlusShipment(); // authorized 2026-05-01T01:00:00Z
    clock.set(Instant.parse("2026-05-01T03:00:00Z"));

    report(rma, event("DELIVERED", "2026-05-01T03:05:01Z")) // beyond the 5 min skew
        .statusCode(422)
        .contentType(PROBLEM)
        .body("code", equalTo("OCCURRED_IN_FUTURE"));
    report(rma, event("SHIPPED", "2026-05-01T00:59:59Z"))
        .statusCode(422)
        .contentType(PROBLEM)
        .body("code", equalTo("OCCURRED_BEFORE_AUTHORIZATION"));
    assertEquals(1, TestData.outbox(em, rma).size()); // created only

    report(rma, event("SHIPPED", "2026-05-01T03:05:00Z")) // at the skew: believed
        .statusCode(200)
        .body("history.status", contains("CREATED", "SHIPPED"))
        .body("history[0].receivedAt", nullValue())
        .body("history[1].at", equalTo("2026-05-01T03:05:00Z"))
        .body("history[1].receivedAt", equalTo("2026-05-01T03:00:00Z"));
  }

  private static String carrierToken(String carrier) {
    return Jwt.subject("logistics-" + carrier)
        .groups(Set.of("logistics"))
        .claim("carrier", carrier)
        .sign();
  }

  @Test
  void aCarrierTokenReportsOnlyItsOwnEventsForUnassignedOrItsOwnShipments() {
    String unassigned = goldPlusShipment();
    String yamatos = goldPlusShipment();
    report(
            yamatos,
            event("SHIPPED", "2026-05-01T03:00:00Z").replace("}", ",\"carrier\":\"Yamato\"}"))
        .statusCode(200);
    String sagawa = carrierToken("Sagawa");

    // another carrier's shipment is as unknown as a missing one
    for (String rma : List.of(yamatos, "RMA-2026-999997")) {
      given()
          .auth()
          .oauth2(sagawa)
          .contentType(ContentType.JSON)
          .body(event("DELIVERED", "2026-05-01T04:00:00Z"))
          .post("/api/v1/shipments/{rma}/events", rma)
          .then()
          .statusCode(404)
          .body("code", equalTo("SHIPMENT_NOT_FOUND"));
    }
    // a report naming another carrier is refused
    given()
        .auth()
        .oauth2(sagawa)
        .contentType(ContentType.JSON)
        .body(event("SHIPPED", "2026-05-01T03:00:00Z").replace("}", ",\"carrier\":\"Yamato\"}"))
        .post("/api/v1/shipments/{rma}/events", unassigned)
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("code", equalTo("CARRIER_MISMATCH"));
    // an unassigned shipment: the token's carrier takes it
    given()
        .auth()
        .oauth2(sagawa)
        .contentType(ContentType.JSON)
        .body(event("SHIPPED", "2026-05-01T03:00:00Z"))
        .post("/api/v1/shipments/{rma}/events", unassigned)
        .then()
        .statusCode(200)
        .body("carrier", equalTo("Sagawa"));
  }

  @Test
  void aRepeatedReportIsAcceptedAndChangesNothing() {
    String rma = goldPlusShipment();
    report(rma, event("SHIPPED", "2026-05-01T03:00:00Z")).statusCode(200);
    int events = TestData.outbox(em, rma).size();

    report(
            rma,
            "{\"type\":\"SHIPPED\",\"occurredAt\":\"2026-05-01T03:30:00Z\","
                + "\"carrier\":\"Other\"}")
        .statusCode(200)
        .body("status", equalTo("SHIPPED"))
        .body("shippedAt", equalTo("2026-05-01T03:00:00Z"))
        .body("carrier", nullValue())
        .body("history.status", contains("CREATED", "SHIPPED"));

    assertEquals(events, TestData.outbox(em, rma).size());
  }

  @Test
  void aDeliveryReportedBeforeTheShipmentRecordsTheImpliedShipment() {
    String rma = goldPlusShipment();

    report(rma, event("DELIVERED", "2026-05-01T04:00:00Z"))
        .statusCode(200)
        .body("status", equalTo("DELIVERED"))
        .body("shippedAt", equalTo("2026-05-01T04:00:00Z"))
        .body("history.status", contains("CREATED", "SHIPPED", "DELIVERED"));
    report(rma, event("SHIPPED", "2026-05-01T03:00:00Z"))
        .statusCode(200)
        .body("status", equalTo("DELIVERED"))
        .body("history.status", contains("CREATED", "SHIPPED", "DELIVERED"));

    assertEquals(
        List.of(
            "dispatch.shipment.created.v1",
            "dispatch.shipment.shipped.v1",
            "dispatch.shipment.delivered.v1"),
        TestData.outbox(em, rma).stream().map(TestData.OutboxRow::type).toList());
  }

  @Test
  void anImpossibleTransitionIsAConflictNamingStatusAndEvent() {
    String rma = newRmaNumber();
    createShipment.create(order(rma, ServiceLevel.SILVER, SHANGHAI));

    report(rma, event("SHIPPED", "2026-05-01T03:00:00Z"))
        .statusCode(409)
        .contentType(PROBLEM)
        .body("code", equalTo("INVALID_TRANSITION"))
        .body("currentStatus", equalTo("EXPORT_HOLD"))
        .body("eventType", equalTo("SHIPPED"))
        .body("detail", containsString("EXPORT_HOLD"))
        .body("detail", containsString("SHIPPED"));
    report(rma, event("EXPORT_CLEARED", "2026-05-01T02:00:00Z"))
        .statusCode(200)
        .body("status", equalTo("CREATED"))
        .body("history.status", contains("EXPORT_HOLD", "CREATED"));

    String neverHeld = goldPlusShipment();
    report(neverHeld, event("EXPORT_CLEARED", "2026-05-01T02:00:00Z"))
        .statusCode(409)
        .body("code", equalTo("INVALID_TRANSITION"))
        .body("currentStatus", equalTo("CREATED"));
  }

  @Test
  void aReportForAnUnknownShipmentIsNotFound() {
    report("RMA-2026-999998", event("SHIPPED", "2026-05-01T03:00:00Z"))
        .statusCode(404)
        .contentType(PROBLEM)
        .body("code", equalTo("SHIPMENT_NOT_FOUND"));
  }

  @Test
  void badReportsAreBadRequestsAndChangeNothing() {
    String rma = goldPlusShipment();
    String[][] bad = {
      {"{\"type\":\"SHIPPED\",", "MALFORMED_JSON", null},
      {"{\"type\":\"LOST\",\"occurredAt\":\"2026-05-01T03:00:00Z\"}", "VALIDATION_FAILED", "type"},
      {"{\"type\":\"SHIPPED\"}", "VALIDATION_FAILED", "occurredAt"},
      {"{\"occurredAt\":\"2026-05-01T03:00:00Z\"}", "VALIDATION_FAILED", "type"},
      {"{\"type\":\"SHIPPED\",\"occurredAt\":\"yesterday\"}", "VALIDATION_FAILED", "occurredAt"},
      {
        "{\"type\":\"SHIPPED\",\"occurredAt\":\"1999-12-31T23:59:59Z\"}",
        "VALIDATION_FAILED",
        "occurredAt"
      },
      {
        "{\"type\":\"SHIPPED\",\"occurredAt\":\"2026-05-01T03:00:00Z\",\"carrier\":\""
            + "c".repeat(101)
            + "\"}",
        "VALIDATION_FAILED",
        "carrier"
      },
      {
        "{\"type\":\"SHIPPED\",\"occurredAt\":\"2026-05-01T03:00:00Z\",\"trackingNumber\":\"  \"}",
        "VALIDATION_FAILED",
        "trackingNumber"
      },
      {
        "{\"type\":\"SHIPPED\",\"occurredAt\":\"2026-05-01T03:00:00Z\",\"rmaNumber\":\"RMA-X\"}",
        "VALIDATION_FAILED",
        "rmaNumber"
      },
      {"[]", "MALFORMED_JSON", null},
      {
        "{\"type\":\"SHIPPED\",\"occurredAt\":\"2026-05-01T03:00:00Z\",\"carrier\":{}}",
        "VALIDATION_FAILED",
        "carrier"
      },
      {"", null, null},
    };
    for (String[] b : bad) {
      ValidatableResponse response = report(rma, b[0]);
      assertEquals(
          "400 " + PROBLEM,
          response.extract().statusCode() + " " + response.extract().contentType(),
          b[0]);
      if (b[1] != null) {
        response.body("code", equalTo(b[1]));
      }
      if (b[2] != null) {
        response.body("violations.field", hasItem(b[2]));
      }
    }

    given()
        .auth()
        .oauth2(TestTokens.ops())
        .get("/api/v1/shipments/{rma}", rma)
        .then()
        .body("status", equalTo("CREATED"))
        .body("history.status", contains("CREATED"));
  }

  @Test
  void anOversizedReportIsRefusedWith413() {
    String rma = goldPlusShipment();

    report(rma, "{\"carrier\":\"" + "x".repeat(70 * 1024) + "\"}")
        .statusCode(413)
        .contentType(PROBLEM)
        .body("code", equalTo("PAYLOAD_TOO_LARGE"));
  }

  @Test
  void onlyLogisticsReportsProgress() {
    String rma = goldPlusShipment();
    for (String token : List.of(TestTokens.ops(), TestTokens.partner("P-1001"))) {
      given()
          .auth()
          .oauth2(token)
          .contentType(ContentType.JSON)
          .body(event("SHIPPED", "2026-05-01T03:00:00Z"))
          .post("/api/v1/shipments/{rma}/events", rma)
          .then()
          .statusCode(403)
          .contentType(PROBLEM)
          .body("code", equalTo("FORBIDDEN"));
    }
    given()
        .contentType(ContentType.JSON)
        .body(event("SHIPPED", "2026-05-01T03:00:00Z"))
        .post("/api/v1/shipments/{rma}/events", rma)
        .then()
        .statusCode(401);
  }
}
