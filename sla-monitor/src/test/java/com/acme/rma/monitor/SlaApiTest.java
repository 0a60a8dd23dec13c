package com.acme.rma.monitor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.monitor.application.TrackSlaClocks;
import com.acme.rma.monitor.domain.SlaEvent;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** contract.md, sla-monitor: reading clocks. Clocks are made through the use case directly. */
@QuarkusTest
class SlaApiTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject TrackSlaClocks clocks;
  @Inject MutableClock clock;

  @AfterEach
  void systemTime() {
    clock.useSystemTime();
  }

  private static RequestSpecification ops() {
    return given().auth().oauth2(TestTokens.ops());
  }

  private void authorize(String rma, ServiceLevel level, Instant at) {
    QuarkusTransaction.requiringNew().run(() -> clocks.authorized(rma, level, at));
  }

  private void happened(String rma, SlaEvent event) {
    QuarkusTransaction.requiringNew().run(() -> clocks.happened(rma, event, false));
  }

  @Test
  void answersOneClockWithEveryContractField() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-07T02:00:00Z"));
    authorize(rma, ServiceLevel.SILVER, Instant.parse("2026-05-07T01:00:00+00:00"));

    ops()
        .get("/api/v1/slas/{n}", rma)
        .then()
        .statusCode(200)
        .contentType(containsString("application/json"))
        .body("rmaNumber", equalTo(rma))
        .body("serviceLevel", equalTo("SILVER"))
        .body("target", equalTo("SHIPMENT"))
        .body("calendar", equalTo("JP"))
        .body("startedAt", equalTo("2026-05-07T01:00:00Z"))
        .body("dueAt", equalTo("2026-05-08T08:30:00Z"))
        .body("atRiskAt", equalTo("2026-05-08T04:37:30Z"))
        .body("state", equalTo("RUNNING"))
        .body("stoppedAt", nullValue())
        .body("breachedAt", nullValue())
        .body("lateBySeconds", nullValue());
  }

  @Test
  void aGoldPlusClockRunsOnTheAllDayCalendarTowardsDelivery() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T01:30:00Z"));
    authorize(rma, ServiceLevel.GOLD_PLUS, Instant.parse("2026-05-01T10:00:00+09:00"));
    ops()
        .get("/api/v1/slas/{n}", rma)
        .then()
        .statusCode(200)
        .body("target", equalTo("DELIVERY"))
        .body("calendar", equalTo("24x7"))
        .body("dueAt", equalTo("2026-05-01T05:00:00Z"))
        .body("atRiskAt", equalTo("2026-05-01T04:00:00Z"));
  }

  @Test
  void aLateStopShowsTheBreachAndByHowMuch() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T06:00:00Z"));
    authorize(rma, ServiceLevel.GOLD_PLUS, Instant.parse("2026-05-01T01:00:00Z"));
    happened(rma, new SlaEvent.Delivered(Instant.parse("2026-05-01T05:30:00Z")));
    ops()
        .get("/api/v1/slas/{n}", rma)
        .then()
        .statusCode(200)
        .body("state", equalTo("BREACHED"))
        .body("breachedAt", equalTo("2026-05-01T05:00:00Z"))
        .body("stoppedAt", equalTo("2026-05-01T05:30:00Z"))
        .body("lateBySeconds", equalTo(1800));
  }

  @Test
  void anUnknownRmaIsNotFound() {
    ops()
        .get("/api/v1/slas/{n}", "RMA-2099-999999")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("code", equalTo("SLA_NOT_FOUND"))
        .body("status", equalTo(404));
  }

  @Test
  void listsClocksFilteredByStateAndLevelInThePageShape() {
    clock.set(Instant.parse("2026-05-01T04:30:00Z"));
    String atRisk = Fixtures.newRmaNumber();
    String running = Fixtures.newRmaNumber();
    authorize(atRisk, ServiceLevel.GOLD_PLUS, Instant.parse("2026-05-01T01:00:00Z"));
    authorize(running, ServiceLevel.GOLD_PLUS, Instant.parse("2026-05-01T04:00:00Z"));

    ops()
        .queryParam("state", "AT_RISK")
        .queryParam("serviceLevel", "GOLD_PLUS")
        .queryParam("size", 200)
        .get("/api/v1/slas")
        .then()
        .statusCode(200)
        .body("items.rmaNumber", hasItem(atRisk))
        .body("items.rmaNumber", not(hasItem(running)))
        .body("items.state", everyItem(equalTo("AT_RISK")))
        .body("items.serviceLevel", everyItem(equalTo("GOLD_PLUS")))
        .body("page", equalTo(0))
        .body("size", equalTo(200))
        .body("total", greaterThanOrEqualTo(1));
  }

  @Test
  void aClockAtExactlyItsDeadlineIsNotYetBreached() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T05:00:00Z"));
    authorize(rma, ServiceLevel.GOLD_PLUS, Instant.parse("2026-05-01T01:00:00Z"));
    ops().get("/api/v1/slas/{n}", rma).then().statusCode(200).body("state", equalTo("AT_RISK"));
  }

  @Test
  void aBreachCorrectedByAStopDatedInTimeLeavesTheBreachedList() {
    String rma = Fixtures.newRmaNumber();
    clock.set(Instant.parse("2026-05-01T05:00:01Z"));
    authorize(rma, ServiceLevel.GOLD_PLUS, Instant.parse("2026-05-01T01:00:00Z"));
    ops()
        .queryParam("state", "BREACHED")
        .queryParam("size", 200)
        .queryParam("sort", "-dueAt")
        .get("/api/v1/slas")
        .then()
        .statusCode(200)
        .body("items.rmaNumber", hasItem(rma));

    happened(rma, new SlaEvent.Delivered(Instant.parse("2026-05-01T04:59:00Z")));

    ops()
        .get("/api/v1/slas/{n}", rma)
        .then()
        .statusCode(200)
        .body("state", equalTo("MET"))
        .body("breachedAt", nullValue());
    ops()
        .queryParam("state", "BREACHED")
        .queryParam("size", 200)
        .queryParam("sort", "-dueAt")
        .get("/api/v1/slas")
        .then()
        .statusCode(200)
        .body("items.rmaNumber", not(hasItem(rma)));
  }

  @Test
  void pagesHoldAtMostTheirSizeAndCountTheWhole() {
    clock.set(Instant.parse("2026-05-01T01:00:00Z"));
    for (int i = 0; i < 3; i++) {
      authorize(
          Fixtures.newRmaNumber(), ServiceLevel.BRONZE, Instant.parse("2026-05-01T00:00:00Z"));
    }
    ops()
        .queryParam("serviceLevel", "BRONZE")
        .queryParam("page", 1)
        .queryParam("size", 2)
        .get("/api/v1/slas")
        .then()
        .statusCode(200)
        .body("page", equalTo(1))
        .body("size", equalTo(2))
        .body("items.size()", lessThanOrEqualTo(2))
        .body("total", greaterThanOrEqualTo(3));
  }

  @Test
  void ordersByDueTimeEitherWay() {
    clock.set(Instant.parse("2026-05-01T00:00:00Z"));
    String early = Fixtures.newRmaNumber();
    String late = Fixtures.newRmaNumber();
    // far in the future: both are among the first of their state latest-due-first, and the
    // last of the few running clocks of the test run earliest-due-first
    authorize(early, ServiceLevel.GOLD_PLUS, Instant.parse("2099-01-01T00:00:00Z"));
    authorize(late, ServiceLevel.GOLD_PLUS, Instant.parse("2099-01-01T00:00:01Z"));

    List<String> ascending =
        ops()
            .queryParam("state", "RUNNING")
            .queryParam("serviceLevel", "GOLD_PLUS")
            .queryParam("size", 200)
            .get("/api/v1/slas")
            .then()
            .statusCode(200)
            .extract()
            .path("items.rmaNumber");
    List<String> descending =
        ops()
            .queryParam("state", "RUNNING")
            .queryParam("serviceLevel", "GOLD_PLUS")
            .queryParam("sort", "-dueAt")
            .queryParam("size", 200)
            .get("/api/v1/slas")
            .then()
            .statusCode(200)
            .extract()
            .path("items.rmaNumber");
    assertEquals(true, ascending.contains(early) && ascending.contains(late), ascending.toString());
    assertEquals(true, ascending.indexOf(early) < ascending.indexOf(late), ascending.toString());
    assertEquals(List.of(late, early), descending.subList(0, 2));
  }

  @Test
  void summaryCountsEveryStateAtEveryLevel() {
    clock.set(Instant.parse("2026-05-01T01:00:00Z"));
    authorize(
        Fixtures.newRmaNumber(), ServiceLevel.WARRANTY, Instant.parse("2026-05-01T00:00:00Z"));
    ops()
        .get("/api/v1/slas/summary")
        .then()
        .statusCode(200)
        .body("total", greaterThanOrEqualTo(1))
        .body("counts", hasKey("CANCELLED"))
        .body("counts.RUNNING.WARRANTY", greaterThanOrEqualTo(1))
        .body("counts.PAUSED", hasKey("GOLD_PLUS"));
  }

  @Test
  void anUnknownStateOrLevelIsABadRequestNamingTheParameter() {
    ops()
        .queryParam("state", "LATE")
        .queryParam("serviceLevel", "PLATINUM")
        .get("/api/v1/slas")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItems("state", "serviceLevel"));
  }

  @Test
  void badPagingOrSortingIsABadRequest() {
    ops()
        .queryParam("size", 201)
        .get("/api/v1/slas")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("size"));
    ops()
        .queryParam("page", "-1")
        .get("/api/v1/slas")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("page"));
    ops()
        .queryParam("page", Integer.MAX_VALUE) // page × size overflowed int: 500
        .get("/api/v1/slas")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("page"));
    ops()
        .queryParam("page", "first")
        .get("/api/v1/slas")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("page"));
    ops()
        .queryParam("sort", "rmaNumber")
        .get("/api/v1/slas")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("sort"));
  }

  @Test
  void onlyOpsMayReadClocks() {
    given().get("/api/v1/slas").then().statusCode(401).contentType(PROBLEM);
    given()
        .auth()
        .oauth2(TestTokens.signedByStranger())
        .get("/api/v1/slas/RMA-1")
        .then()
        .statusCode(401)
        .body("code", equalTo("UNAUTHENTICATED"));
    given()
        .auth()
        .oauth2(TestTokens.forAnotherAudience())
        .get("/api/v1/slas/RMA-1")
        .then()
        .statusCode(401)
        .body("code", equalTo("UNAUTHENTICATED"));
    given()
        .auth()
        .oauth2(TestTokens.partner("P-1001"))
        .get("/api/v1/slas")
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN"));
    given().auth().oauth2(TestTokens.logistics()).get("/api/v1/slas/RMA-1").then().statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.customer())
        .get("/api/v1/slas")
        .then()
        .statusCode(403)
        .body("code", equalTo("CONTACT_YOUR_RESELLER"));
  }
}
