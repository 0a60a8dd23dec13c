package com.acme.rma.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.e2e.ServiceStack.Service;
import com.acme.rma.testsupport.KafkaTestClient;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Follows RMAs through the four running services as partners, logistics and ops see them. The
 * services run with a short Gold Plus target (configuration, as an operator could set it) so that a
 * breach happens within the test; everything else is as deployed.
 */
class RmaWorkflowIT {

  private static final Duration GOLD_PLUS_TARGET = ServiceStack.GOLD_PLUS_TARGET;
  private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(45);
  private static final String PARTNER = "P-E2E";
  private static final String CENTER = "SC-E2E-TYO";

  private static ServiceStack stack;
  private static KafkaTestClient kafka;

  @BeforeAll
  static void startTheSystem() throws Exception {
    stack = ServiceStack.shared();
    kafka = new KafkaTestClient(stack.bootstrapServers());
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
  void goldPlusReplacementIsLockedShippedFromTheCenterDeliveredClosedReleasedAndMet() {
    String serial = newGoldPlusApplianceWithRegisteredAddress();

    Response rma = requestReplacement(serial);
    rma.then()
        .statusCode(201)
        .body("status", equalTo("AUTHORIZED"))
        .body("serviceLevel", equalTo("GOLD_PLUS"))
        .body("serviceCenterId", equalTo(CENTER))
        .body("sla.target", equalTo("DELIVERY"));
    String rmaNumber = rma.path("rmaNumber");

    // the registry holds the address for this RMA: no change until it closes
    request(Service.ADDRESS_REGISTRY, stack.partnerToken(PARTNER))
        .get("/api/v1/sites/" + serial)
        .then()
        .statusCode(200)
        .body("lock.rmaNumber", equalTo(rmaNumber));
    request(Service.ADDRESS_REGISTRY, stack.partnerToken(PARTNER))
        .body(tokyoAddress("2-2 Otemachi"))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(409)
        .body("code", equalTo("ADDRESS_LOCKED"));
    // the lock API is intake's own (service identity): the owning partner cannot release it
    request(Service.ADDRESS_REGISTRY, stack.partnerToken(PARTNER))
        .delete("/api/v1/sites/" + serial + "/lock/" + rmaNumber)
        .then()
        .statusCode(403);

    // dispatch made the shipment from the center that qualified the address
    await("shipment created")
        .atMost(FLOW_TIMEOUT)
        .until(() -> shipment(rmaNumber).statusCode() == 200);
    shipment(rmaNumber)
        .then()
        .body("status", equalTo("CREATED"))
        .body("origin.type", equalTo("SERVICE_CENTER"))
        .body("origin.id", equalTo(CENTER));

    // logistics reports shipped over REST, delivered over Kafka
    request(Service.RMA_DISPATCH, stack.token("logistics"))
        .body(
            Map.of(
                "type",
                "SHIPPED",
                "occurredAt",
                Instant.now().toString(),
                "carrier",
                "Yamato Transport",
                "trackingNumber",
                "E2E-" + serial))
        .post("/api/v1/shipments/" + rmaNumber + "/events")
        .then()
        .statusCode(200)
        .body("status", equalTo("SHIPPED"));
    kafka.sendCloudEvent(
        "logistics.carrier-events",
        rmaNumber,
        "logistics.carrier.status.v1",
        "/e2e-logistics",
        "{\"rmaNumber\":\"%s\",\"type\":\"DELIVERED\",\"occurredAt\":\"%s\"}"
            .formatted(rmaNumber, Instant.now()));

    await("RMA closed")
        .atMost(FLOW_TIMEOUT)
        .until(() -> "CLOSED".equals(rma(rmaNumber).path("status")));
    await("address lock released")
        .atMost(FLOW_TIMEOUT)
        .until(() -> site(serial).path("lock") == null);
    await("SLA met").atMost(FLOW_TIMEOUT).until(() -> "MET".equals(sla(rmaNumber).path("state")));
    assertAlert(rmaNumber, "sla.met.v1");

    // and the address may change again
    request(Service.ADDRESS_REGISTRY, stack.partnerToken(PARTNER))
        .body(tokyoAddress("2-2 Otemachi"))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(200);
  }

  @Test
  void goldPlusReplacementNeverShippedBreachesOnTimeAndReachesKafkaAndTheDashboardStream() {
    String serial = newGoldPlusApplianceWithRegisteredAddress();
    List<String> streamed = followAlertStream();

    // the partner's portal sends its trace context (not sampled: nothing is exported)
    String traceId = UUID.randomUUID().toString().replace("-", "");
    Response rma = requestReplacement(serial, "00-" + traceId + "-00f067aa0ba902b7-00");
    rma.then().statusCode(201).body("serviceLevel", equalTo("GOLD_PLUS"));
    String rmaNumber = rma.path("rmaNumber");
    Instant dueAt = Instant.parse(rma.path("sla.dueAt"));

    await("SLA breached")
        .atMost(GOLD_PLUS_TARGET.plus(FLOW_TIMEOUT))
        .until(() -> "BREACHED".equals(sla(rmaNumber).path("state")));
    ConsumerRecord<String, String> breach = assertAlert(rmaNumber, "sla.breached.v1");
    long delayMillis = breach.timestamp() - dueAt.toEpochMilli();
    assertTrue(
        delayMillis >= 0 && delayMillis < 2_000, "alert came " + delayMillis + " ms after due");

    // one trace from the partner's request through the outbox, Kafka, every consumer and the
    // registry call to the alert that time alone fired: in the records and in all four logs
    assertTrue(
        KafkaTestClient.header(breach, "traceparent").startsWith("00-" + traceId + "-"),
        "the alert continues the request's trace: "
            + KafkaTestClient.header(breach, "traceparent"));
    ConsumerRecord<String, String> authorized =
        kafka
            .readUntil(
                "rma.lifecycle",
                seen -> seen.stream().anyMatch(r -> rmaNumber.equals(r.key())),
                FLOW_TIMEOUT)
            .stream()
            .filter(r -> rmaNumber.equals(r.key()))
            .findFirst()
            .orElseThrow();
    assertTrue(
        KafkaTestClient.header(authorized, "traceparent").startsWith("00-" + traceId + "-"),
        KafkaTestClient.header(authorized, "traceparent"));
    for (Service service : Service.values()) {
      await(service.module + " logs the trace")
          .atMost(FLOW_TIMEOUT)
          .until(
              () ->
                  Files.readAllLines(stack.log(service)).stream()
                      .anyMatch(
                          line ->
                              line.contains("\"traceId\":\"" + traceId + "\"")
                                  && line.contains(rmaNumber)));
    }
    await("breach on the dashboard stream")
        .atMost(FLOW_TIMEOUT)
        .until(
            () ->
                streamed.stream()
                    .anyMatch(line -> line.contains(rmaNumber) && line.contains("BREACHED")));
  }

  @Test
  void cancelledReplacementReleasesTheLockAndCancelsTheClockAndTheShipment() {
    String serial = newGoldPlusApplianceWithRegisteredAddress();
    String rmaNumber =
        requestReplacement(serial).then().statusCode(201).extract().path("rmaNumber");
    await("shipment created")
        .atMost(FLOW_TIMEOUT)
        .until(() -> shipment(rmaNumber).statusCode() == 200);

    request(Service.RMA_INTAKE, stack.partnerToken(PARTNER))
        .post("/api/v1/rmas/" + rmaNumber + "/cancel")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));

    await("address lock released")
        .atMost(FLOW_TIMEOUT)
        .until(() -> site(serial).path("lock") == null);
    await("SLA clock cancelled")
        .atMost(FLOW_TIMEOUT)
        .until(() -> "CANCELLED".equals(sla(rmaNumber).path("state")));
    await("shipment cancelled")
        .atMost(FLOW_TIMEOUT)
        .until(() -> "CANCELLED".equals(shipment(rmaNumber).path("status")));
    site(serial).then().body("lock", nullValue());
  }

  @Test
  void everyMetricTheDashboardAndTheAlertRulesReadIsServed() {
    // a Gold Plus request: intake's registry call and an RMA counted
    requestReplacement(newGoldPlusApplianceWithRegisteredAddress()).then().statusCode(201);
    Set<String> used = new TreeSet<>();
    Observability.expressions().forEach(expr -> used.addAll(Observability.metricNames(expr)));
    assertTrue(used.contains("rma_sla_clocks") && used.contains("rma_requests_total"), "" + used);

    Set<String> missing = new TreeSet<>(used);
    await("every metric served")
        .atMost(FLOW_TIMEOUT)
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              missing.removeAll(servedMetricNames());
              return missing.isEmpty();
            });
    assertEquals(Set.of(), missing, "metrics read by the dashboard or the rules but not served");
  }

  private static Set<String> servedMetricNames() {
    Set<String> served = new TreeSet<>();
    for (Service service : Service.values()) {
      String body =
          given()
              .baseUri(stack.managementUrl(service))
              .get("/q/metrics")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      for (String line : body.split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          served.add(line.split("[{ ]", 2)[0]);
        }
      }
    }
    return served;
  }

  /**
   * In production health and metrics are on the management interface only: the public API port
   * answers 404 for them, while the contract's public documents stay there.
   */
  @Test
  void healthAndMetricsAreOnTheManagementPortOnlyAndTheDocumentsOnTheApiPort() {
    for (Service service : Service.values()) {
      for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live")) {
        given().baseUri(stack.url(service)).get(path).then().statusCode(404);
        given().baseUri(stack.managementUrl(service)).get(path).then().statusCode(200);
      }
      given().baseUri(stack.url(service)).get("/q/asyncapi").then().statusCode(200);
      given().baseUri(stack.managementUrl(service)).get("/q/openapi").then().statusCode(404);
      given()
          .baseUri(stack.managementUrl(service))
          .get("/api/v1/ops/dead-letters")
          .then()
          .statusCode(404);
    }
  }

  /**
   * The packaged services run in the prod profile: each serves Swagger UI and its OpenAPI document
   * there (integrators generate clients from it).
   */
  @Test
  void everyServiceServesSwaggerUiAndItsOpenApiDocumentInProduction() {
    for (Service service : Service.values()) {
      given().baseUri(stack.url(service)).get("/q/swagger-ui/").then().statusCode(200);
      given()
          .baseUri(stack.url(service))
          .get("/q/openapi?format=json")
          .then()
          .statusCode(200)
          .body("components.schemas.Problem.properties.code.type", equalTo("string"));
    }
  }

  /**
   * The one set of field limits across the services: an RMA whose every text field is at its
   * maximum (64-character ids and postal code, 200-character lines, unicode) is accepted by intake,
   * locked by the registry, shipped by dispatch and clocked by the monitor; nothing refuses
   * downstream what an edge accepted.
   */
  @Test
  void anRmaWithEveryTextFieldAtItsMaximumIsAuthorizedShippedAndClocked() {
    String partner = padded("P-E2E-MAX-", 64);
    String serial = padded("E2E-MAX-" + UUID.randomUUID(), 64);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    Map<String, Object> entitlement = new java.util.LinkedHashMap<>();
    entitlement.put("partnerId", partner);
    entitlement.put("customerId", padded("C-E2E-MAX-", 64));
    entitlement.put("productModel", unicode(200));
    entitlement.put("maintenanceLevel", "GOLD_PLUS");
    entitlement.put("contractStart", today.minusDays(30).toString());
    entitlement.put("contractEnd", today.plusDays(365).toString());
    entitlement.put("hardwareShipDate", today.minusDays(60).toString());
    request(Service.RMA_INTAKE, stack.token("ops"))
        .body(entitlement)
        .put("/api/v1/entitlements/" + serial)
        .then()
        .statusCode(201);
    Map<String, Object> address = new java.util.LinkedHashMap<>(tokyoAddress(unicode(200)));
    address.put("line2", unicode(200));
    address.put("city", unicode(200));
    address.put("region", unicode(200));
    address.put("postalCode", "1".repeat(64));
    await("registry knows the owner")
        .atMost(FLOW_TIMEOUT)
        .until(
            () ->
                request(Service.ADDRESS_REGISTRY, stack.partnerToken(partner))
                        .body(address)
                        .put("/api/v1/sites/" + serial + "/address")
                        .statusCode()
                    == 200);

    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("serialNumber", serial);
    body.put("component", "POWER_SUPPLY");
    body.put("faultDescription", unicode(4000));
    body.put(
        "contact",
        Map.of(
            "name", unicode(200),
            "phone", "0".repeat(64),
            "email",
                "x".repeat(64)
                    + "@"
                    + String.join(
                        ".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(63))));
    Response rma =
        request(Service.RMA_INTAKE, stack.partnerToken(partner))
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(body)
            .post("/api/v1/rmas");
    rma.then()
        .statusCode(201)
        .body("status", equalTo("AUTHORIZED"))
        .body("serviceLevel", equalTo("GOLD_PLUS"))
        .body("shipTo.postalCode", equalTo(address.get("postalCode")));
    String rmaNumber = rma.path("rmaNumber");

    await("shipment created")
        .atMost(FLOW_TIMEOUT)
        .until(() -> shipment(rmaNumber).statusCode() == 200);
    shipment(rmaNumber)
        .then()
        .body("shipTo.line1", equalTo(address.get("line1")))
        .body("shipTo.line2", equalTo(address.get("line2")))
        .body("shipTo.city", equalTo(address.get("city")))
        .body("shipTo.region", equalTo(address.get("region")))
        .body("shipTo.postalCode", equalTo(address.get("postalCode")));
    await("SLA clock started").atMost(FLOW_TIMEOUT).until(() -> sla(rmaNumber).statusCode() == 200);
    request(Service.RMA_DISPATCH, stack.token("logistics"))
        .body(
            Map.of(
                "type", "SHIPPED",
                "occurredAt", Instant.now().toString(),
                "carrier", unicode(100),
                "trackingNumber", "9".repeat(100)))
        .post("/api/v1/shipments/" + rmaNumber + "/events")
        .then()
        .statusCode(200)
        .body("status", equalTo("SHIPPED"));
    await("RMA shipped")
        .atMost(FLOW_TIMEOUT)
        .until(
            () ->
                "SHIPPED"
                    .equals(
                        request(Service.RMA_INTAKE, stack.partnerToken(partner))
                            .get("/api/v1/rmas/" + rmaNumber)
                            .path("status")));
  }

  private static String padded(String prefix, int length) {
    return (prefix + "0".repeat(length)).substring(0, length);
  }

  private static String unicode(int length) {
    return "東京都千代田区丸の内".repeat(length / 10 + 1).substring(0, length);
  }

  @Test
  void exportHeldReplacementShowsTheMonitorsDeadlineInTheRmaWhileHeldAndAfterClearance() {
    String serial = newAppliance("GOLD");
    Response requested =
        request(Service.RMA_INTAKE, stack.partnerToken(PARTNER))
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                Map.of(
                    "serialNumber",
                    serial,
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
    requested.then().statusCode(201).body("serviceLevel", equalTo("GOLD"));
    String rmaNumber = requested.path("rmaNumber");
    String issuedDueAt = requested.path("sla.dueAt");
    await("monitor's clock started")
        .atMost(FLOW_TIMEOUT)
        .until(() -> sla(rmaNumber).statusCode() == 200);
    assertEquals(issuedDueAt, sla(rmaNumber).path("dueAt"));

    // dispatch holds the parcel for its export certificate; the monitor pauses the clock and
    // the RMA that partners read says so
    await("shipment on export hold")
        .atMost(FLOW_TIMEOUT)
        .until(() -> "EXPORT_HOLD".equals(shipment(rmaNumber).path("status")));
    await("monitor's clock paused")
        .atMost(FLOW_TIMEOUT)
        .until(() -> "PAUSED".equals(sla(rmaNumber).path("state")));
    await("RMA shows no deadline while held")
        .atMost(FLOW_TIMEOUT)
        .untilAsserted(
            () ->
                rma(rmaNumber)
                    .then()
                    .body("sla.paused", equalTo(true))
                    .body("sla.dueAt", nullValue()));

    request(Service.RMA_DISPATCH, stack.token("logistics"))
        .body(Map.of("type", "EXPORT_CLEARED", "occurredAt", Instant.now().toString()))
        .post("/api/v1/shipments/" + rmaNumber + "/events")
        .then()
        .statusCode(200);

    await("monitor's clock restarted")
        .atMost(FLOW_TIMEOUT)
        .until(() -> "RUNNING".equals(sla(rmaNumber).path("state")));
    String monitorDueAt = sla(rmaNumber).path("dueAt");
    await("RMA shows the monitor's deadline")
        .atMost(FLOW_TIMEOUT)
        .untilAsserted(
            () ->
                rma(rmaNumber)
                    .then()
                    .body("sla.paused", equalTo(false))
                    .body("sla.dueAt", equalTo(monitorDueAt)));
  }

  /** Ops enters an entitlement of this level for the partner; returns its serial number. */
  private String newAppliance(String level) {
    String serial = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    request(Service.RMA_INTAKE, stack.token("ops"))
        .body(
            Map.of(
                "serialNumber",
                serial,
                "partnerId",
                PARTNER,
                "customerId",
                "C-E2E",
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

  /**
   * Ops enters the entitlement; once the registry has learned the owner, the partner registers the
   * site.
   */
  private String newGoldPlusApplianceWithRegisteredAddress() {
    String serial = newAppliance("GOLD_PLUS");
    await("registry knows the owner")
        .atMost(FLOW_TIMEOUT)
        .until(
            () -> {
              int status =
                  request(Service.ADDRESS_REGISTRY, stack.partnerToken(PARTNER))
                      .body(tokyoAddress("1-1 Marunouchi"))
                      .put("/api/v1/sites/" + serial + "/address")
                      .statusCode();
              return status == 200 || status == 201;
            });
    return serial;
  }

  private Response requestReplacement(String serial) {
    return requestReplacement(serial, null);
  }

  private Response requestReplacement(String serial, String traceparent) {
    RequestSpecification request = request(Service.RMA_INTAKE, stack.partnerToken(PARTNER));
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    return request
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            Map.of(
                "serialNumber", serial,
                "component", "POWER_SUPPLY",
                "faultDescription", "Power supply 2 reports a fault and the fan stopped"))
        .post("/api/v1/rmas");
  }

  private ConsumerRecord<String, String> assertAlert(String rmaNumber, String type) {
    List<ConsumerRecord<String, String>> alerts =
        kafka.readUntil(
            "sla.alerts",
            seen -> seen.stream().anyMatch(r -> isAlert(r, rmaNumber, type)),
            FLOW_TIMEOUT);
    List<ConsumerRecord<String, String>> matching =
        alerts.stream().filter(r -> isAlert(r, rmaNumber, type)).toList();
    assertEquals(1, matching.size(), "exactly one " + type + " for " + rmaNumber);
    return matching.get(0);
  }

  private static boolean isAlert(
      ConsumerRecord<String, String> record, String rmaNumber, String type) {
    return rmaNumber.equals(record.key()) && type.equals(KafkaTestClient.header(record, "ce_type"));
  }

  /**
   * Listens to the monitor's alert stream as the dashboard does; returns the lines as they come.
   */
  private List<String> followAlertStream() {
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.url(Service.SLA_MONITOR) + "/api/v1/alerts/stream"))
            .header("Authorization", "Bearer " + stack.token("ops"))
            .header("Accept", "text/event-stream")
            .build();
    HttpClient.newHttpClient()
        .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
        .thenAccept(response -> response.body().forEach(lines::add));
    return lines;
  }

  private Response rma(String rmaNumber) {
    return request(Service.RMA_INTAKE, stack.partnerToken(PARTNER))
        .get("/api/v1/rmas/" + rmaNumber);
  }

  private Response site(String serial) {
    return request(Service.ADDRESS_REGISTRY, stack.partnerToken(PARTNER))
        .get("/api/v1/sites/" + serial);
  }

  private Response shipment(String rmaNumber) {
    return request(Service.RMA_DISPATCH, stack.token("logistics"))
        .get("/api/v1/shipments/" + rmaNumber);
  }

  private Response sla(String rmaNumber) {
    return request(Service.SLA_MONITOR, stack.token("ops")).get("/api/v1/slas/" + rmaNumber);
  }

  private static RequestSpecification request(Service service, String token) {
    return given().baseUri(stack.url(service)).auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static Map<String, Object> tokyoAddress(String line1) {
    return Map.of(
        "line1", line1,
        "city", "Chiyoda-ku",
        "region", "Tokyo",
        "postalCode", "100-0005",
        "country", "JP",
        "latitude", 35.6850,
        "longitude", 139.7528);
  }
}
