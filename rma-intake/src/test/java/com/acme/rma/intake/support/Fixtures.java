package com.acme.rma.intake.support;

import static io.restassured.RestAssured.given;

import com.acme.rma.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Test data and calls shared by the REST tests. Every test makes its own serial numbers and partner
 * ids: all test classes share one database.
 */
public final class Fixtures {

  /** Fri 2026-05-01 10:00 Tokyo: a business day, inside support hours. */
  public static final Instant FRIDAY_MORNING = Instant.parse("2026-05-01T01:00:00Z");

  /** The registered address of the Gold Plus goldens (Marunouchi, Tokyo). */
  public static final Map<String, Object> TOKYO = tokyo();

  private Fixtures() {}

  public static String serial(String prefix) {
    return "T-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String partner() {
    return "P-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String key() {
    return UUID.randomUUID().toString();
  }

  /** An entitlement with a contract for 2026–2027, shipped 2025-12-15, EOL 2030-06-30. */
  public static Map<String, Object> entitlement(String partnerId, String level) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("partnerId", partnerId);
    e.put("customerId", "C-7001");
    e.put("productModel", "NetScaler MPX 9100");
    e.put("maintenanceLevel", level);
    e.put("contractStart", "2026-01-01");
    e.put("contractEnd", "2027-12-31");
    e.put("hardwareShipDate", "2025-12-15");
    e.put("endOfLifeDate", "2030-06-30");
    e.put("extendedSupportUntil", null);
    return e;
  }

  public static ValidatableResponse putEntitlement(String serial, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(TestTokens.ops())
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/entitlements/{serial}", serial)
        .then();
  }

  /** Registers an appliance of this partner at this level (ops). */
  public static String appliance(String partnerId, String level) {
    String serial = serial(level.substring(0, 2));
    putEntitlement(serial, entitlement(partnerId, level)).statusCode(201);
    return serial;
  }

  public static Map<String, Object> request(String serial, String component, Object shipTo) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("serialNumber", serial);
    body.put("component", component);
    body.put("faultDescription", "PSU 2 reports failure; fan noise.");
    if (shipTo != null) {
      body.put("shipTo", shipTo);
    }
    body.put("contact", Map.of("name", "Hanako Sato", "phone", "+81-3-1234-5678"));
    return body;
  }

  /** A request with a ship-to address (what every level but a registered Gold Plus needs). */
  public static Map<String, Object> request(String serial) {
    return request(serial, "POWER_SUPPLY", osaka());
  }

  public static Map<String, Object> osaka() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("line1", "2-2 Umeda");
    a.put("city", "Osaka");
    a.put("postalCode", "530-0001");
    a.put("country", "JP");
    return a;
  }

  /** POST /api/v1/rmas as this partner. */
  public static ValidatableResponse postRma(String partnerId, String key, Object body) {
    return postRmaWithToken(TestTokens.partner(partnerId), key, body);
  }

  public static ValidatableResponse postRmaWithToken(String token, String key, Object body) {
    var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.post("/api/v1/rmas").then();
  }

  /** Requests an RMA that must be accepted; returns its number. */
  public static String rma(String partnerId, Map<String, Object> body) {
    return postRma(partnerId, key(), body).statusCode(201).extract().path("rmaNumber");
  }

  public static ValidatableResponse get(String token, String rmaNumber) {
    return given().auth().oauth2(token).get("/api/v1/rmas/{n}", rmaNumber).then();
  }

  public static ValidatableResponse cancel(String token, String rmaNumber) {
    return given().auth().oauth2(token).post("/api/v1/rmas/{n}/cancel", rmaNumber).then();
  }

  private static Map<String, Object> tokyo() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("line1", "1-1 Marunouchi");
    a.put("line2", "Floor 12");
    a.put("city", "Chiyoda-ku");
    a.put("region", "Tokyo");
    a.put("postalCode", "100-0005");
    a.put("country", "JP");
    a.put("latitude", 35.6812);
    a.put("longitude", 139.7671);
    return java.util.Collections.unmodifiableMap(a);
  }
}
