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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Follows RMAs through the four running services as partners, logistics and ops see them. The
 * services run with a short Gold Plus target (configuration, as an operator could set it) so that a
 * breach happens within the test; everything else is as deployed.
 */
class RmaWorkflowIT {

  private static final Duration GOLD_PLUS_TARGET = Duration.ofSeconds(30);
  private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(45);
  private static final String PARTNER = "P-E2E";
  private static final String CENTER = "SC-E2E-TYO";

  private static ServiceStack stack;
  private static KafkaTestClient kafka;

  @BeforeAll
  static void startTheSystem() throws Exception {
    stack =
        new ServiceStack().start(Map.of("RMA_SLA_GOLD_PLUS_TARGET", GOLD_PLUS_TARGET.toString()));
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

  @AfterAll
  static void stopTheSystem() {
    if (stack != null) {
      stack.close();
    }
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
              .baseUri(stack.url(service))
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
   * Ops enters the entitlement; once the registry has learned the owner, the partner registers the
   * site.
   */
  private String newGoldPlusApplianceWithRegisteredAddress() {
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
                "GOLD_PLUS",
                "contractStart",
                today.minusDays(30).toString(),
                "contractEnd",
                today.plusDays(365).toString(),
                "hardwareShipDate",
                today.minusDays(60).toString()))
        .put("/api/v1/entitlements/" + serial)
        .then()
        .statusCode(oneOf(200, 201));
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
