package com.acme.rma.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.e2e.ServiceStack.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The partner's timeline of an RMA through REST on the four running services: every step from every
 * service, in order, for a Gold Plus replacement that is met, one held for export and cleared, and
 * one that breaches (the stack's Gold Plus target is short). The three RMAs run side by side so
 * that the breach's wait costs no extra time.
 */
class TimelineIT {

  private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
  private static final String PARTNER = "P-TIMELINE-E2E";
  private static final String CENTER = "SC-E2E-TYO"; // the same center as RmaWorkflowIT's

  private static ServiceStack stack;

  @BeforeAll
  static void startTheSystem() throws Exception {
    stack = ServiceStack.shared();
    request(Service.ADDRESS_REGISTRY, stack.token("ops"))
        .body(
            Map.of(
                "name", "Tokyo service center",
                "country", "JP",
                "latitude", 35.6812,
                "longitude", 139.7671,
                "activeFrom", "2020-01-01T00:00:00Z"))
        .put("/api/v1/service-centers/" + CENTER)
        .then()
        .statusCode(200);
  }

  @Test
  void timelinesListEveryStepInOrderAndRebuildIdentically() {
    String breaching = goldPlusRma(goldPlusSite());
    String met = goldPlusRma(goldPlusSite());
    String held = exportHeldRma();

    // the met one: shipped, delivered, closed
    awaitShipment(met, "CREATED");
    shipmentEvent(
        met,
        Map.of(
            "type",
            "SHIPPED",
            "occurredAt",
            Instant.now().toString(),
            "carrier",
            "Yamato Transport",
            "trackingNumber",
            "TL-" + met));
    shipmentEvent(met, Map.of("type", "DELIVERED", "occurredAt", Instant.now().toString()));

    // the held one: cleared, then shipped
    awaitShipment(held, "EXPORT_HOLD");
    await("clock paused")
        .atMost(FLOW_TIMEOUT)
        .until(() -> timelineTypes(held).contains("sla.deadline-changed"));
    shipmentEvent(held, Map.of("type", "EXPORT_CLEARED", "occurredAt", Instant.now().toString()));
    awaitShipment(held, "CREATED");
    shipmentEvent(
        held,
        Map.of(
            "type",
            "SHIPPED",
            "occurredAt",
            Instant.now().toString(),
            "carrier",
            "SF Express",
            "trackingNumber",
            "TL-" + held));

    awaitSteps(
        met,
        List.of(
            "rma.requested",
            "rma.entitlement-decided",
            "address.locked",
            "rma.issued",
            "sla.started",
            "shipment.created",
            "shipment.shipped",
            "shipment.delivered",
            "rma.closed",
            "address.released"));
    awaitSteps(met, List.of("shipment.delivered", "sla.met"));
    awaitSteps(
        held,
        List.of(
            "rma.requested",
            "rma.entitlement-decided",
            "rma.issued",
            "sla.started",
            "shipment.export-held",
            "shipment.export-cleared",
            "shipment.shipped"));
    awaitSteps(held, List.of("shipment.export-held", "sla.deadline-changed"));
    awaitSteps(held, List.of("shipment.export-cleared", "sla.deadline-changed"));
    awaitSteps(held, List.of("shipment.shipped", "sla.met")); // GOLD: met when shipped
    awaitSteps(
        breaching,
        List.of(
            "rma.requested",
            "rma.entitlement-decided",
            "address.locked",
            "rma.issued",
            "sla.started",
            "sla.breached"));

    // the partner sees the carrier and tracking, not the event's ids
    List<Map<String, Object>> entries = timeline(met).jsonPath().getList("$");
    Map<String, Object> shipped =
        entries.stream()
            .filter(e -> "shipment.shipped".equals(e.get("type")))
            .findFirst()
            .orElseThrow();
    assertEquals("rma-dispatch", shipped.get("source"));
    assertTrue(
        List.of("carrier", "trackingNumber")
            .containsAll(((Map<?, ?>) shipped.get("details")).keySet()),
        "partner details: " + shipped);
    assertEquals("Yamato Transport", ((Map<?, ?>) shipped.get("details")).get("carrier"));

    // a rebuild from the topics gives the same timelines
    List<List<Object>> before =
        List.of(opsTimeline(met), opsTimeline(held), opsTimeline(breaching));
    // (in the background: 202, then its state until DONE; 409 while another test's one runs)
    String rebuild =
        await("a timeline rebuild started")
            .atMost(FLOW_TIMEOUT)
            .until(
                () -> {
                  Response started =
                      request(Service.RMA_INTAKE, stack.token("ops"))
                          .post("/api/v1/timeline/rebuild");
                  started.then().statusCode(oneOf(202, 409));
                  return started.statusCode() == 202 ? started.<String>path("id") : null;
                },
                id -> id != null);
    await("timeline rebuild " + rebuild)
        .atMost(FLOW_TIMEOUT)
        .until(
            () ->
                request(Service.RMA_INTAKE, stack.token("ops"))
                    .get("/api/v1/timeline/rebuild")
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(rebuild))
                    .extract()
                    .path("state"),
            state -> !"RUNNING".equals(state));
    request(Service.RMA_INTAKE, stack.token("ops"))
        .get("/api/v1/timeline/rebuild")
        .then()
        .body("state", equalTo("DONE"));
    assertEquals(before, List.of(opsTimeline(met), opsTimeline(held), opsTimeline(breaching)));
  }

  /**
   * Waits until the timeline holds these steps in this order (ordered by {@code at}; other steps,
   * such as an at-risk alert before a breach, may come between).
   */
  private static void awaitSteps(String rmaNumber, List<String> steps) {
    await(rmaNumber + " timeline")
        .atMost(ServiceStack.GOLD_PLUS_TARGET.plus(FLOW_TIMEOUT))
        .until(() -> inOrder(steps, timelineTypes(rmaNumber)));
    List<Map<String, Object>> entries = timeline(rmaNumber).jsonPath().getList("$");
    for (int i = 1; i < entries.size(); i++) {
      Instant previous = Instant.parse((String) entries.get(i - 1).get("at"));
      Instant at = Instant.parse((String) entries.get(i).get("at"));
      assertTrue(!at.isBefore(previous), rmaNumber + " out of order at " + i + ": " + entries);
    }
  }

  /** Whether {@code steps} occur in {@code types} in this order. */
  private static boolean inOrder(List<String> steps, List<String> types) {
    int next = 0;
    for (String type : types) {
      if (next < steps.size() && steps.get(next).equals(type)) {
        next++;
      }
    }
    return next == steps.size();
  }

  private static Response timeline(String rmaNumber) {
    Response response =
        request(Service.RMA_INTAKE, stack.partnerToken(PARTNER))
            .get("/api/v1/rmas/" + rmaNumber + "/timeline");
    response.then().statusCode(200);
    return response;
  }

  private static List<String> timelineTypes(String rmaNumber) {
    return timeline(rmaNumber).jsonPath().getList("type", String.class);
  }

  private static List<Object> opsTimeline(String rmaNumber) {
    return request(Service.RMA_INTAKE, stack.token("ops"))
        .get("/api/v1/rmas/" + rmaNumber + "/timeline")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  private static void awaitShipment(String rmaNumber, String status) {
    await("shipment " + status)
        .atMost(FLOW_TIMEOUT)
        .until(
            () ->
                status.equals(
                    request(Service.RMA_DISPATCH, stack.token("logistics"))
                        .get("/api/v1/shipments/" + rmaNumber)
                        .path("status")));
  }

  private static void shipmentEvent(String rmaNumber, Map<String, Object> event) {
    request(Service.RMA_DISPATCH, stack.token("logistics"))
        .body(event)
        .post("/api/v1/shipments/" + rmaNumber + "/events")
        .then()
        .statusCode(200);
  }

  private static String goldPlusRma(String serial) {
    Response rma =
        request(Service.RMA_INTAKE, stack.partnerToken(PARTNER))
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                Map.of(
                    "serialNumber", serial,
                    "component", "POWER_SUPPLY",
                    "faultDescription", "PSU 2 failed"))
            .post("/api/v1/rmas");
    rma.then().statusCode(201).body("serviceLevel", equalTo("GOLD_PLUS"));
    return rma.path("rmaNumber");
  }

  private static String exportHeldRma() {
    Response rma =
        request(Service.RMA_INTAKE, stack.partnerToken(PARTNER))
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                Map.of(
                    "serialNumber",
                    newAppliance("GOLD"),
                    "component",
                    "DISK",
                    "faultDescription",
                    "Disk 3 failed",
                    "shipTo",
                    Map.of(
                        "line1", "1 Century Avenue",
                        "city", "Shanghai",
                        "postalCode", "200120",
                        "country", "CN")))
            .post("/api/v1/rmas");
    rma.then().statusCode(201).body("serviceLevel", equalTo("GOLD"));
    return rma.path("rmaNumber");
  }

  private static String newAppliance(String level) {
    String serial = "TL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    request(Service.RMA_INTAKE, stack.token("ops"))
        .body(
            Map.of(
                "serialNumber",
                serial,
                "partnerId",
                PARTNER,
                "customerId",
                "C-TIMELINE",
                "productModel",
                "MPX 9100",
                "maintenanceLevel",
                level,
                "contractStart",
                today.minusDays(30).toString(),
                "contractEnd",
                today.plusDays(365).toString(),
                "hardwareShipDate",
                today.minusDays(60).toString()))
        .put("/api/v1/entitlements/" + serial)
        .then()
        .statusCode(oneOf(200, 201));
    return serial;
  }

  private static String goldPlusSite() {
    String serial = newAppliance("GOLD_PLUS");
    await("registry knows the owner")
        .atMost(FLOW_TIMEOUT)
        .until(
            () -> {
              int status =
                  request(Service.ADDRESS_REGISTRY, stack.partnerToken(PARTNER))
                      .body(
                          Map.of(
                              "line1", "1-1 Marunouchi",
                              "city", "Chiyoda-ku",
                              "region", "Tokyo",
                              "postalCode", "100-0005",
                              "country", "JP",
                              "latitude", 35.6850,
                              "longitude", 139.7528))
                      .put("/api/v1/sites/" + serial + "/address")
                      .statusCode();
              return status == 200 || status == 201;
            });
    return serial;
  }

  private static RequestSpecification request(Service service, String token) {
    return given().baseUri(stack.url(service)).auth().oauth2(token).contentType(ContentType.JSON);
  }
}
