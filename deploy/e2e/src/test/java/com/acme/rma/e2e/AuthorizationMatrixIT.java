package com.acme.rma.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.e2e.ServiceStack.Service;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of every service's OpenAPI document × every kind of caller, against the running
 * services: partners get 404 for another partner's data, roles lacking the function 403, customers
 * 403 {@code CONTACT_YOUR_RESELLER}, no token 401. An operation the documents list but {@link
 * #EXPECTED} does not fails the test, so a new endpoint cannot be forgotten. The count of "leaks"
 * (a caller that should have been refused and was served) is printed as {@code authz leaks: N}.
 *
 * <p>Allowed callers are sent an empty body ({@code {}}): the role check comes before the body is
 * read, so they are answered 400 and change nothing; a foreign partner is sent a valid body, since
 * its refusal (404) comes from the ownership check after validation.
 */
class AuthorizationMatrixIT {

  /** Who calls. */
  enum Role {
    OWNER,
    FOREIGN,
    CUSTOMER,
    OPS,
    LOGISTICS,
    SERVICE,
    NONE
  }

  /** What a caller must get. */
  enum Expect {
    /** Served: neither 401 nor 403 (nor a 5xx). */
    ALLOW,
    /** 403 FORBIDDEN. */
    DENY,
    /** 404: another partner's data looks like none at all. */
    HIDE,
    /** 403 CONTACT_YOUR_RESELLER. */
    RESELLER,
    /** 401. */
    UNAUTHENTICATED
  }

  private static final String OWNER = "P-IDENTITY-1";
  private static final String FOREIGN = "P-IDENTITY-2";
  private static final String CENTER = "SC-IDENTITY-1";

  /** Served to every caller, without a token too (the contract's public documents). */
  private static final String PUBLIC = "PUBLIC";

  /** Per operation: OWNER, FOREIGN, OPS, LOGISTICS, SERVICE (customers and no token are fixed). */
  private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    // intake
    expect("rma-intake POST /api/v1/rmas", "ALLOW ALLOW DENY DENY DENY");
    expect("rma-intake GET /api/v1/rmas", "ALLOW ALLOW ALLOW DENY DENY");
    expect("rma-intake GET /api/v1/rmas/{rmaNumber}", "ALLOW HIDE ALLOW ALLOW DENY");
    expect("rma-intake POST /api/v1/rmas/{rmaNumber}/cancel", "ALLOW HIDE ALLOW DENY DENY");
    expect("rma-intake PUT /api/v1/entitlements/{serialNumber}", "DENY DENY ALLOW DENY DENY");
    expect("rma-intake GET /api/v1/rmas/{rmaNumber}/timeline", "ALLOW HIDE ALLOW ALLOW DENY");
    expect("rma-intake POST /api/v1/timeline/rebuild", "DENY DENY ALLOW DENY DENY");
    expect("rma-intake GET /api/v1/timeline/rebuild", "DENY DENY ALLOW DENY DENY");
    expect("rma-intake POST /api/v1/webhooks", "ALLOW ALLOW DENY DENY DENY");
    expect("rma-intake GET /api/v1/webhooks", "ALLOW ALLOW ALLOW DENY DENY");
    // an unknown webhook id: 404 for every caller allowed to ask (foreign ones included)
    expect("rma-intake GET /api/v1/webhooks/{id}", "ALLOW HIDE ALLOW DENY DENY");
    expect("rma-intake DELETE /api/v1/webhooks/{id}", "ALLOW HIDE ALLOW DENY DENY");
    expect("rma-intake GET /api/v1/webhooks/{id}/deliveries", "ALLOW HIDE ALLOW DENY DENY");
    expect("rma-intake POST /api/v1/webhooks/{id}/test", "ALLOW HIDE ALLOW DENY DENY");
    expect("rma-intake POST /api/v1/webhooks/{id}/resume", "ALLOW HIDE ALLOW DENY DENY");
    expect("rma-intake GET /api/v1/entitlements/{serialNumber}", "ALLOW HIDE ALLOW DENY DENY");
    // registry
    expect(
        "address-registry PUT /api/v1/sites/{serialNumber}/address", "ALLOW HIDE ALLOW DENY DENY");
    expect("address-registry GET /api/v1/sites/{serialNumber}", "ALLOW HIDE ALLOW DENY DENY");
    expect("address-registry POST /api/v1/sites/{serialNumber}/lock", "DENY DENY DENY DENY ALLOW");
    expect(
        "address-registry DELETE /api/v1/sites/{serialNumber}/lock/{rmaNumber}",
        "DENY DENY DENY DENY ALLOW");
    expect(
        "address-registry POST /api/v1/sites/{serialNumber}/lock/force-release",
        "DENY DENY ALLOW DENY DENY");
    expect(
        "address-registry GET /api/v1/sites/{serialNumber}/lock/force-releases",
        "DENY DENY ALLOW DENY DENY");
    expect("address-registry PUT /api/v1/service-centers/{id}", "DENY DENY ALLOW DENY DENY");
    expect("address-registry GET /api/v1/service-centers", "ALLOW ALLOW ALLOW DENY DENY");
    expect("address-registry GET /api/v1/service-centers/{id}", "ALLOW ALLOW ALLOW DENY DENY");
    // dispatch
    expect("rma-dispatch GET /api/v1/shipments", "DENY DENY ALLOW ALLOW DENY");
    expect("rma-dispatch GET /api/v1/shipments/{rmaNumber}", "ALLOW HIDE ALLOW ALLOW DENY");
    expect("rma-dispatch POST /api/v1/shipments/{rmaNumber}/events", "DENY DENY DENY ALLOW DENY");
    // monitor
    expect("sla-monitor GET /api/v1/slas", "DENY DENY ALLOW DENY DENY");
    expect("sla-monitor GET /api/v1/slas/{rmaNumber}", "DENY DENY ALLOW DENY DENY");
    expect("sla-monitor GET /api/v1/slas/summary", "DENY DENY ALLOW DENY DENY");
    expect("sla-monitor GET /api/v1/calendars/{id}/holidays", "DENY DENY ALLOW DENY DENY");
    expect("sla-monitor GET /api/v1/calendars/{id}/deadline", "DENY DENY ALLOW DENY DENY");
    expect("sla-monitor GET /api/v1/calendars/{id}/closures", "DENY DENY ALLOW DENY DENY");
    expect("sla-monitor POST /api/v1/calendars/{id}/closures", "DENY DENY ALLOW DENY DENY");
    expect("sla-monitor DELETE /api/v1/calendars/{id}/closures", "DENY DENY ALLOW DENY DENY");
    expect("sla-monitor PUT /api/v1/calendars/{id}/closures/{date}", "DENY DENY ALLOW DENY DENY");
    expect(
        "sla-monitor DELETE /api/v1/calendars/{id}/closures/{date}", "DENY DENY ALLOW DENY DENY");
    expect("sla-monitor GET /api/v1/calendars/{id}/changes", "DENY DENY ALLOW DENY DENY");
    expect("sla-monitor POST /api/v1/slas/repair", "DENY DENY ALLOW DENY DENY");
    expect("sla-monitor GET /api/v1/slas/repair", "DENY DENY ALLOW DENY DENY");
    expect("sla-monitor GET /api/v1/reports/sla", "DENY DENY ALLOW DENY DENY");
    expect("sla-monitor GET /api/v1/reports/sla/daily", "DENY DENY ALLOW DENY DENY");
    expect("sla-monitor GET /api/v1/dashboard/config", "DENY DENY ALLOW DENY DENY");
    // the kit's ops endpoints, in every service
    for (Service service : Service.values()) {
      String s = service.module + " ";
      expect(s + "GET /q/asyncapi", PUBLIC);
      expect(s + "GET /api/v1/ops/outbox/parked", "DENY DENY ALLOW DENY DENY");
      expect(s + "POST /api/v1/ops/outbox/parked/{id}/retry", "DENY DENY ALLOW DENY DENY");
      expect(s + "GET /api/v1/ops/dead-letters", "DENY DENY ALLOW DENY DENY");
      expect(s + "GET /api/v1/ops/dead-letters/{id}", "DENY DENY ALLOW DENY DENY");
      expect(s + "POST /api/v1/ops/dead-letters/{id}/replay", "DENY DENY ALLOW DENY DENY");
      expect(s + "POST /api/v1/ops/dead-letters/replay", "DENY DENY ALLOW DENY DENY");
    }
  }

  /** An open stream never ends: its allowed caller is left to the dashboard's own tests. */
  private static final String STREAM = "sla-monitor GET /api/v1/alerts/stream";

  static {
    expect(STREAM, "DENY DENY ALLOW DENY DENY");
  }

  private static ServiceStack stack;
  private static String serial;
  private static String rmaNumber;

  private static void expect(String operation, String roles) {
    EXPECTED.put(operation, roles);
  }

  @BeforeAll
  static void ownersData() throws Exception {
    stack = ServiceStack.shared();
    serial = "SN-IDENTITY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    request(Service.RMA_INTAKE, stack.token("ops"))
        .body(
            Map.of(
                "serialNumber",
                serial,
                "partnerId",
                OWNER,
                "customerId",
                "C-IDENTITY",
                "productModel",
                "MPX 9100",
                "maintenanceLevel",
                "GOLD",
                "contractStart",
                today.minusDays(30).toString(),
                "contractEnd",
                today.plusDays(365).toString(),
                "hardwareShipDate",
                today.minusDays(60).toString()))
        .put("/api/v1/entitlements/" + serial)
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    await("registry knows the owner")
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                request(Service.ADDRESS_REGISTRY, stack.partnerToken(OWNER))
                        .body(address())
                        .put("/api/v1/sites/" + serial + "/address")
                        .statusCode()
                    == 200);
    rmaNumber = newRma(Map.of());
    await("shipment created")
        .atMost(Duration.ofSeconds(45))
        .until(
            () ->
                request(Service.RMA_DISPATCH, stack.token("ops"))
                        .get("/api/v1/shipments/" + rmaNumber)
                        .statusCode()
                    == 200);
  }

  @Test
  void everyOperationAnswersEveryCallerAsTheMatrixSays() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> documented = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    int leaks = 0;
    int checked = 0;
    for (Service service : Service.values()) {
      JsonNode paths =
          json.readTree(
                  given()
                      .baseUri(stack.url(service))
                      .get("/q/openapi?format=json")
                      .then()
                      .statusCode(200)
                      .extract()
                      .asString())
              .path("paths");
      for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
        String path = it.next();
        for (Iterator<String> methods = paths.path(path).fieldNames(); methods.hasNext(); ) {
          String method = methods.next().toUpperCase();
          if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
            continue;
          }
          String operation = service.module + " " + method + " " + path;
          documented.add(operation);
          String roles = EXPECTED.get(operation);
          if (roles == null) {
            mismatches.add(operation + ": not in the authorization matrix");
            continue;
          }
          Map<Role, Expect> expected = expectations(roles);
          for (Map.Entry<Role, Expect> entry : expected.entrySet()) {
            if (operation.equals(STREAM) && entry.getValue() == Expect.ALLOW) {
              continue; // an open stream never ends; the allowed caller is the dashboard's test
            }
            Response answer = call(service, method, path, entry.getKey(), entry.getValue());
            checked++;
            String verdict = verdict(entry.getValue(), answer);
            if (verdict != null) {
              mismatches.add(operation + " as " + entry.getKey() + ": " + verdict);
              if (entry.getValue() != Expect.ALLOW && answer.statusCode() < 400) {
                leaks++;
              }
            }
          }
        }
      }
    }
    TreeSet<String> stale = new TreeSet<>(EXPECTED.keySet());
    documented.forEach(stale::remove);
    System.out.printf("authz matrix: %d calls, authz leaks: %d%n", checked, leaks);
    mismatches.forEach(m -> System.out.println("  " + m));
    assertTrue(checked > 300, "calls made: " + checked);
    assertEquals(List.of(), mismatches, "answers that differ from the matrix");
    assertEquals(new TreeSet<String>(), stale, "matrix rows for operations no longer documented");
    assertEquals(0, leaks);
  }

  /**
   * Mass assignment: members a partner may not set (partnerId, level, dueAt, status, rmaNumber) are
   * ignored; the RMA is the token's partner's, numbered and decided by intake.
   */
  @Test
  void membersAPartnerMayNotSetHaveNoEffect() {
    String second = rmaSerial();
    String number =
        newRma(
            second,
            Map.of(
                "partnerId", FOREIGN,
                "serviceLevel", "GOLD_PLUS",
                "level", "GOLD_PLUS",
                "requestedLevel", "GOLD_PLUS",
                "dueAt", "2099-01-01T00:00:00Z",
                "status", "CLOSED",
                "rmaNumber", "RMA-1999-000001"));
    assertNotEquals("RMA-1999-000001", number);
    Response rma =
        request(Service.RMA_INTAKE, stack.partnerToken(OWNER)).get("/api/v1/rmas/" + number);
    rma.then().statusCode(200);
    assertEquals(OWNER, rma.path("partnerId"));
    assertEquals("GOLD", rma.path("serviceLevel"));
    assertNotEquals("CLOSED", rma.path("status"));
    assertNotEquals("2099-01-01T00:00:00Z", rma.path("sla.dueAt"));
    request(Service.RMA_INTAKE, stack.partnerToken(FOREIGN))
        .get("/api/v1/rmas/" + number)
        .then()
        .statusCode(404);
  }

  private static Map<Role, Expect> expectations(String roles) {
    Map<Role, Expect> expected = new EnumMap<>(Role.class);
    if (roles.equals(PUBLIC)) {
      for (Role role : Role.values()) {
        expected.put(role, Expect.ALLOW);
      }
      return expected;
    }
    String[] words = roles.split(" ");
    expected.put(Role.OWNER, Expect.valueOf(words[0]));
    expected.put(Role.FOREIGN, Expect.valueOf(words[1]));
    expected.put(Role.OPS, Expect.valueOf(words[2]));
    expected.put(Role.LOGISTICS, Expect.valueOf(words[3]));
    expected.put(Role.SERVICE, Expect.valueOf(words[4]));
    expected.put(Role.CUSTOMER, Expect.RESELLER);
    expected.put(Role.NONE, Expect.UNAUTHENTICATED);
    return expected;
  }

  /** Null when the answer is what the matrix expects, else what was wrong. */
  private static String verdict(Expect expected, Response answer) {
    int status = answer.statusCode();
    boolean ok =
        switch (expected) {
          case ALLOW -> status != 401 && status != 403 && status < 500;
          case DENY -> status == 403 && "FORBIDDEN".equals(code(answer));
          case HIDE -> status == 404;
          case RESELLER -> status == 403 && "CONTACT_YOUR_RESELLER".equals(code(answer));
          case UNAUTHENTICATED -> status == 401;
        };
    return ok ? null : "expected " + expected + ", got " + status + " " + code(answer);
  }

  private static String code(Response answer) {
    try {
      Object code = answer.path("code");
      return code == null ? "" : code.toString();
    } catch (RuntimeException notJson) {
      return "";
    }
  }

  private static Response call(
      Service service, String method, String template, Role role, Expect expected) {
    String path =
        template
            .replace("{serialNumber}", serial)
            .replace("{rmaNumber}", rmaNumber)
            // a day no one closes: ops' empty bodies are refused (400), nothing is closed
            .replace("{date}", "2099-01-05")
            .replace("{id}", id(template));
    RequestSpecification request =
        given().baseUri(stack.url(service)).contentType(ContentType.JSON);
    String token = token(role);
    if (token != null) {
      request.auth().oauth2(token);
    }
    if (template.endsWith("/holidays")) {
      request.queryParam("year", "2026");
    }
    if (!method.equals("GET") && !method.equals("DELETE")) {
      request.body(expected == Expect.HIDE ? validBody(template) : Map.of());
    }
    return request.request(method, path);
  }

  private static String id(String template) {
    if (template.startsWith("/api/v1/service-centers")) {
      return CENTER;
    }
    if (template.startsWith("/api/v1/calendars")) {
      return "JP";
    }
    if (template.startsWith("/api/v1/ops/outbox")) {
      return "999999999";
    }
    return UUID.randomUUID().toString();
  }

  /** A body that passes validation, for the callers whose refusal is decided after it. */
  private static Object validBody(String template) {
    if (template.endsWith("/address")) {
      return address();
    }
    return Map.of();
  }

  private static String token(Role role) {
    return switch (role) {
      case OWNER -> stack.partnerToken(OWNER);
      case FOREIGN -> stack.partnerToken(FOREIGN);
      case CUSTOMER -> stack.token("customer");
      case OPS -> stack.token("ops");
      case LOGISTICS -> stack.token("logistics");
      case SERVICE -> stack.serviceToken();
      case NONE -> null;
    };
  }

  private static String rmaSerial() {
    String another = "SN-IDENTITY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    request(Service.RMA_INTAKE, stack.token("ops"))
        .body(
            Map.of(
                "serialNumber",
                another,
                "partnerId",
                OWNER,
                "customerId",
                "C-IDENTITY",
                "productModel",
                "MPX 9100",
                "maintenanceLevel",
                "GOLD",
                "contractStart",
                today.minusDays(30).toString(),
                "contractEnd",
                today.plusDays(365).toString(),
                "hardwareShipDate",
                today.minusDays(60).toString()))
        .put("/api/v1/entitlements/" + another)
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    return another;
  }

  private static String newRma(Map<String, Object> extra) {
    return newRma(serial, extra);
  }

  private static String newRma(String appliance, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>(extra);
    body.put("serialNumber", appliance);
    body.put("component", "FAN");
    body.put("faultDescription", "Fan 3 stopped");
    body.put(
        "shipTo",
        Map.of(
            "line1", "1-2-3 Shibuya",
            "city", "Shibuya-ku",
            "postalCode", "150-0002",
            "country", "JP"));
    return request(Service.RMA_INTAKE, stack.partnerToken(OWNER))
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body)
        .post("/api/v1/rmas")
        .then()
        .statusCode(201)
        .extract()
        .path("rmaNumber");
  }

  private static RequestSpecification request(Service service, String token) {
    return given().baseUri(stack.url(service)).auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static Map<String, Object> address() {
    return Map.of(
        "line1", "1-1 Marunouchi",
        "city", "Chiyoda-ku",
        "region", "Tokyo",
        "postalCode", "100-0005",
        "country", "JP",
        "latitude", 35.6812,
        "longitude", 139.7671);
  }
}
