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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's "done when", through REST on the running services: closing the day an open
 * next-business-day (GOLD) RMA is due — the next business day after today in Tokyo — moves its
 * deadline by one business day within seconds, at the monitor and in the RMA partners read; a dry
 * run changes nothing; reopening the day moves it back.
 */
class CalendarClosureIT {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Duration WITHIN = Duration.ofSeconds(20);
  private static final String PARTNER = "P-CALENDAR-1";

  private static ServiceStack stack;

  @BeforeAll
  static void theSystem() throws Exception {
    stack = ServiceStack.shared();
  }

  @Test
  void closingTheDueDayMovesAnOpenNextBusinessDayRmaByOneBusinessDayAndReopeningMovesItBack() {
    String rmaNumber = goldRma();
    await("monitor's clock started")
        .atMost(WITHIN.multipliedBy(2))
        .until(() -> sla(rmaNumber).statusCode() == 200);
    String startedAt = sla(rmaNumber).path("startedAt");
    String dueAt = sla(rmaNumber).path("dueAt");
    assertEquals(dueAt, rma(rmaNumber).path("sla.dueAt"));
    // the next business day after the day of issue (in Tokyo) is the day it is due
    LocalDate dueDay = Instant.parse(dueAt).atZone(TOKYO).toLocalDate();
    String closure = "/api/v1/calendars/JP/closures/" + dueDay;

    Response dry =
        ops(Service.SLA_MONITOR)
            .body(Map.of("reason", "Typhoon (dry run)"))
            .put(closure + "?dryRun=true");
    dry.then().statusCode(200);
    assertTrue(dry.path("clocksToMove") instanceof Integer n && n >= 1, dry.asString());
    assertEquals(dueAt, sla(rmaNumber).path("dueAt"), "a dry run changes nothing");
    ops(Service.SLA_MONITOR)
        .get("/api/v1/calendars/JP/closures")
        .then()
        .body(
            "closures.date",
            org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(dueDay.toString())));

    ops(Service.SLA_MONITOR)
        .body(Map.of("reason", "Typhoon: Tokyo office closed"))
        .put(closure)
        .then()
        .statusCode(200)
        .body("closed", equalTo(true));
    // one business day later: what the monitor's calendar says now
    String moved =
        ops(Service.SLA_MONITOR)
            .queryParam("from", startedAt)
            .queryParam("businessDays", 1)
            .get("/api/v1/calendars/JP/deadline")
            .path("dueAt");
    assertTrue(
        Instant.parse(moved).atZone(TOKYO).toLocalDate().isAfter(dueDay),
        moved + " after " + dueDay);
    await("the monitor's deadline moved")
        .atMost(WITHIN)
        .until(() -> moved.equals(sla(rmaNumber).path("dueAt")));
    await("the RMA shows the moved deadline")
        .atMost(WITHIN)
        .until(() -> moved.equals(rma(rmaNumber).path("sla.dueAt")));

    ops(Service.SLA_MONITOR).delete(closure).then().statusCode(200).body("closed", equalTo(false));
    await("the monitor's deadline moved back")
        .atMost(WITHIN)
        .until(() -> dueAt.equals(sla(rmaNumber).path("dueAt")));
    await("the RMA shows it")
        .atMost(WITHIN)
        .until(() -> dueAt.equals(rma(rmaNumber).path("sla.dueAt")));
  }

  private String goldRma() {
    String serial = "CAL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    LocalDate today = LocalDate.now(TOKYO);
    ops(Service.RMA_INTAKE)
        .body(
            Map.of(
                "serialNumber",
                serial,
                "partnerId",
                PARTNER,
                "customerId",
                "C-CALENDAR",
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
        .statusCode(oneOf(200, 201));
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
                        "line1", "1-1 Marunouchi",
                        "city", "Chiyoda-ku",
                        "postalCode", "100-0005",
                        "country", "JP")))
            .post("/api/v1/rmas");
    requested.then().statusCode(201).body("serviceLevel", equalTo("GOLD"));
    return requested.path("rmaNumber");
  }

  private Response sla(String rmaNumber) {
    return ops(Service.SLA_MONITOR).get("/api/v1/slas/" + rmaNumber);
  }

  private Response rma(String rmaNumber) {
    return request(Service.RMA_INTAKE, stack.partnerToken(PARTNER))
        .get("/api/v1/rmas/" + rmaNumber);
  }

  private static RequestSpecification ops(Service service) {
    return request(service, stack.token("ops"));
  }

  private static RequestSpecification request(Service service, String token) {
    return given().baseUri(stack.url(service)).auth().oauth2(token).contentType(ContentType.JSON);
  }
}
