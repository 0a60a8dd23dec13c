package com.acme.rma.monitor;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.monitor.application.RepairClocks;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calendar changes over REST and the SLA repair they cause, against the real database: a closed day
 * moves every live clock whose window holds it by one business day, once (the change number on the
 * clock), announced once each; a dry run changes nothing; reopening moves them back. The number of
 * clocks is {@code rma.scale.clocks} (1,000 in the build; {@code deploy/scale/calendar-scale.sh}
 * runs 100,000). The clocks live in 2030 so that no other test's clock is touched.
 *
 * <p>GOLD clocks started Tuesday 5 November 2030 10:00 Tokyo are due Wednesday the 6th 17:30 Tokyo;
 * with the 6th closed, Thursday the 7th 17:30.
 */
@QuarkusTest
class CalendarChangesTest {

  static final int CLOCKS = Integer.getInteger("rma.scale.clocks", 1000);
  private static final Duration WAIT = Duration.ofSeconds(Math.max(30, CLOCKS / 200));
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Instant STARTED = Instant.parse("2030-11-05T01:00:00Z");
  private static final Instant WEDNESDAY_DUE = Instant.parse("2030-11-06T08:30:00Z");
  private static final Instant THURSDAY_DUE = Instant.parse("2030-11-07T08:30:00Z");
  private static final String WEDNESDAY = "2030-11-06";

  @Inject EntityManager em;
  @Inject MutableClock clock;
  @Inject RepairClocks repair;

  /**
   * All tests share one database: the clocks made here (2030–2031, many of them breached) must not
   * crowd other tests' lists, and their announcements must not hold up the relay.
   */
  @AfterEach
  void removeTheClocksOfThisTest() {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (String table : List.of("sla_clock", "outbox_event")) {
                String column = table.equals("sla_clock") ? "rma_number" : "record_key";
                em.createNativeQuery(
                        "delete from "
                            + table
                            + " where "
                            + column
                            + " like 'RMA-CAL-%' or "
                            + column
                            + " like 'RMA-REP-%' or "
                            + column
                            + " like 'RMA-RPS-%' or "
                            + column
                            + " like 'RMA-CRJ-%'")
                    .executeUpdate();
              }
            });
  }

  private static io.restassured.specification.RequestSpecification ops() {
    return given().auth().oauth2(TestTokens.ops());
  }

  private void insertGoldClocks(String prefix, int count, Instant due, String state) {
    insertGoldClocks(prefix, count, STARTED, due, state);
  }

  private void insertGoldClocks(
      String prefix, int count, Instant started, Instant due, String state) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "insert into sla_clock (rma_number, service_level, target, calendar_id,"
                            + " started_at, due_at, at_risk_at, state, next_fire_at, created_at,"
                            + " updated_at, partner_id)"
                            + " select :prefix || lpad(i::text, 7, '0'), 'GOLD', 'SHIPMENT', 'JP',"
                            + " :started, :due, cast(:due as timestamptz) - interval '3:52:30',"
                            + " :state, cast(:due as timestamptz) - interval '3:52:30', now(),"
                            + " now(), 'P-CALENDAR-1' from generate_series(1, :count) as i")
                    .setParameter("prefix", prefix)
                    .setParameter("started", started)
                    .setParameter("due", due)
                    .setParameter("state", state)
                    .setParameter("count", count)
                    .executeUpdate());
  }

  private long count(String sql, Map<String, Object> params) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var q = em.createNativeQuery(sql);
              params.forEach(q::setParameter);
              return ((Number) q.getSingleResult()).longValue();
            });
  }

  private long dueAt(String prefix, Instant due) {
    return count(
        "select count(*) from sla_clock where rma_number like :p and due_at = :due",
        Map.of("p", prefix + "%", "due", due));
  }

  private long announced(String prefix) {
    return count(
        "select count(*) from outbox_event where type = :t and record_key like :p",
        Map.of("t", EventTypes.SLA_DEADLINE_CHANGED, "p", prefix + "%"));
  }

  @Test
  void aClosedDayMovesEveryTouchedClockOnceAndReopeningMovesThemBack() {
    String run = "RMA-CAL-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    insertGoldClocks(run, CLOCKS, WEDNESDAY_DUE, "RUNNING");
    // not touched: due the day before, paused, and already breached
    insertGoldClocks(run + "X", 3, Instant.parse("2030-11-05T08:30:00Z"), "RUNNING");
    insertGoldClocks(run + "P", 2, WEDNESDAY_DUE, "PAUSED");
    insertGoldClocks(run + "B", 2, WEDNESDAY_DUE, "BREACHED");

    // a dry run answers how many would move and changes nothing
    JsonPath dry =
        ops()
            .contentType(ContentType.JSON)
            .body(Map.of("reason", "Typhoon"))
            .put("/api/v1/calendars/JP/closures/{d}?dryRun=true", WEDNESDAY)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(CLOCKS, dry.getInt("clocksToMove"));
    assertEquals(10, dry.getList("sample").size());
    assertEquals(WEDNESDAY_DUE.toString(), dry.getString("sample[0].dueAt"));
    assertEquals(THURSDAY_DUE.toString(), dry.getString("sample[0].newDueAt"));
    assertEquals(CLOCKS, dueAt(run, WEDNESDAY_DUE) - 4);
    assertEquals(0, announced(run));
    ops().get("/api/v1/calendars/JP/closures").then().statusCode(200);
    assertTrue(
        ops().get("/api/v1/calendars/JP/closures").jsonPath().getList("closures.date").stream()
            .noneMatch(WEDNESDAY::equals));

    // the change: every touched clock moves by one business day, once, announced once
    long started = System.nanoTime();
    JsonPath change =
        ops()
            .contentType(ContentType.JSON)
            .body(Map.of("reason", "Typhoon: Tokyo office closed"))
            .put("/api/v1/calendars/jp/closures/{d}", WEDNESDAY)
            .then()
            .statusCode(200)
            .body("calendar", equalTo("JP"))
            .body("closed", equalTo(true))
            .extract()
            .jsonPath();
    long changeNo = change.getLong("changeNumber");
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> dueAt(run, THURSDAY_DUE) == CLOCKS);
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("SLA repair: %d clocks moved in %d ms%n", CLOCKS, millis);
    await().atMost(WAIT).until(() -> announced(run) == CLOCKS);
    ops()
        .get("/api/v1/slas/{n}", run + "0000001")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("dueAt", equalTo(THURSDAY_DUE.toString()))
        .body("state", equalTo("RUNNING"));
    assertEquals(3, dueAt(run + "X", Instant.parse("2030-11-05T08:30:00Z")));
    assertEquals(2, dueAt(run + "P", WEDNESDAY_DUE), "paused: no deadline to move");
    assertEquals(2, dueAt(run + "B", WEDNESDAY_DUE), "breached: its verdict stands");
    assertEquals(
        1,
        count(
            "select count(*) from outbox_event where type = :t and record_key = 'JP'"
                + " and payload like :v",
            Map.of("t", EventTypes.SLA_CALENDAR_CHANGED, "v", "%\"version\":" + changeNo + ",%")));

    // the same change again (a resumed repair, a redelivery): nothing moves, nothing is announced
    assertEquals(
        0, repair.repair("JP", changeNo, LocalDate.parse(WEDNESDAY), LocalDate.parse(WEDNESDAY)));
    ops()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Typhoon: Tokyo office closed"))
        .put("/api/v1/calendars/JP/closures/{d}", WEDNESDAY)
        .then()
        .statusCode(200)
        .body("changeNumber", equalTo(null));
    assertEquals(CLOCKS, announced(run));

    // who, when, why
    await()
        .atMost(WAIT)
        .until(
            () ->
                ops()
                        .get("/api/v1/calendars/JP/changes?size=200")
                        .jsonPath()
                        .getInt("items.find { it.changeNumber == " + changeNo + " }.clocksMoved")
                    == CLOCKS);
    JsonPath changes = ops().get("/api/v1/calendars/JP/changes?size=200").jsonPath();
    Map<String, Object> mine = changes.getMap("items.find { it.changeNumber == " + changeNo + " }");
    assertEquals("CLOSE", mine.get("action"));
    assertEquals("Typhoon: Tokyo office closed", mine.get("reason"));
    assertEquals(WEDNESDAY, mine.get("date"));
    assertTrue(mine.get("changedBy").toString().length() > 0);

    // the day is listed, and the calendar's closed days show it
    assertTrue(
        ops()
            .get("/api/v1/calendars/JP/closures")
            .jsonPath()
            .getList("closures.date")
            .contains(WEDNESDAY));
    ops()
        .queryParam("from", "2030-11-05T10:00:00+09:00")
        .queryParam("businessDays", 1)
        .get("/api/v1/calendars/JP/deadline")
        .then()
        .body("dueAt", equalTo(THURSDAY_DUE.toString()));

    // reopening moves them back, announced once more each
    ops()
        .delete("/api/v1/calendars/JP/closures/{d}?reason=Typhoon passed", WEDNESDAY)
        .then()
        .statusCode(200)
        .body("closed", equalTo(false));
    await().atMost(WAIT).until(() -> dueAt(run, WEDNESDAY_DUE) == CLOCKS + 2 + 2);
    await().atMost(WAIT).until(() -> announced(run) == 2L * CLOCKS);
    ops()
        .delete("/api/v1/calendars/JP/closures/{d}", WEDNESDAY)
        .then()
        .statusCode(404)
        .body("code", equalTo("CLOSURE_NOT_FOUND"));
    // the relay is not under test here: the thousands of announcements must not delay the other
    // tests' alerts (the outbox is relayed in order)
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("delete from outbox_event where record_key like :p")
                    .setParameter("p", run + "%")
                    .executeUpdate());
  }

  @Test
  void theComplianceReportCountsTheClocksOfItsRangeInOneQuery() {
    String run = "RMA-REP-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    // a day of its own, 2030-12-03 (Tokyo): partner A 3 met, 2 breached (late 100 s and 300 s),
    // partner B 1 cancelled, 4 running, 1 Gold Plus met after 2 h
    Instant start = Instant.parse("2030-12-03T01:00:00Z");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              String insert =
                  "insert into sla_clock (rma_number, service_level, target, calendar_id,"
                      + " started_at, due_at, at_risk_at, state, stopped_at, late_by_seconds,"
                      + " created_at, updated_at, partner_id) values (:rma, :level, :target,"
                      + " 'JP', :start, :due, :due, :state, :stop, :late, now(), now(), :partner)";
              Instant due = start.plus(Duration.ofHours(31).plusMinutes(30));
              Object[][] rows = {
                {"M1", "GOLD", "MET", start.plus(Duration.ofHours(2)), null, "P-REPORT-A"},
                {"M2", "GOLD", "MET", start.plus(Duration.ofHours(4)), null, "P-REPORT-A"},
                {"M3", "GOLD", "MET", start.plus(Duration.ofHours(6)), null, "P-REPORT-A"},
                {"B1", "GOLD", "BREACHED", due.plusSeconds(100), 100L, "P-REPORT-A"},
                {"B2", "GOLD", "BREACHED", due.plusSeconds(300), 300L, "P-REPORT-A"},
                {"C1", "SILVER", "CANCELLED", start.plus(Duration.ofHours(1)), null, "P-REPORT-B"},
                {"R1", "SILVER", "RUNNING", null, null, "P-REPORT-B"},
                {"R2", "SILVER", "RUNNING", null, null, "P-REPORT-B"},
                {"R3", "SILVER", "AT_RISK", null, null, "P-REPORT-B"},
                {"R4", "SILVER", "PAUSED", null, null, "P-REPORT-B"},
              };
              for (Object[] r : rows) {
                em.createNativeQuery(insert)
                    .setParameter("rma", run + r[0])
                    .setParameter("level", r[1])
                    .setParameter("target", "SHIPMENT")
                    .setParameter("start", start)
                    .setParameter("due", due)
                    .setParameter("state", r[2])
                    .setParameter("stop", r[3])
                    .setParameter("late", r[4])
                    .setParameter("partner", r[5])
                    .executeUpdate();
              }
            });
    JsonPath byPartner =
        ops()
            .get("/api/v1/reports/sla?from=2030-12-03&to=2030-12-03&groupBy=partner")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> a = byPartner.getMap("rows.find { it.group == 'P-REPORT-A' }");
    assertEquals(3, a.get("met"));
    assertEquals(2, a.get("breached"));
    assertEquals(0, a.get("open"));
    assertEquals(60.0, ((Number) a.get("compliancePercent")).doubleValue(), 0.001);
    assertEquals(400, ((Number) a.get("totalLatenessSeconds")).intValue());
    assertEquals(200.0, ((Number) a.get("meanLatenessSeconds")).doubleValue(), 0.001);
    // p50 of 2 h, 4 h, 6 h, 31.5 h + 100 s, 31.5 h + 300 s: 6 h
    assertEquals(6 * 3600.0, ((Number) a.get("timeToShipP50")).doubleValue(), 0.001);
    Map<String, Object> b = byPartner.getMap("rows.find { it.group == 'P-REPORT-B' }");
    assertEquals(1, b.get("cancelled"));
    assertEquals(4, b.get("open"));
    assertEquals(null, b.get("compliancePercent"));

    String csv =
        ops()
            .accept("text/csv")
            .get("/api/v1/reports/sla?from=2030-12-03&to=2030-12-03&groupBy=level")
            .then()
            .statusCode(200)
            .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
            .extract()
            .asString();
    List<String> lines = csv.lines().toList();
    assertEquals(
        "group,met,breached,cancelled,open,compliancePercent,timeToShipP50Seconds,"
            + "timeToShipP90Seconds,timeToDeliverP50Seconds,timeToDeliverP90Seconds,"
            + "totalLatenessSeconds,meanLatenessSeconds",
        lines.get(0));
    assertTrue(lines.contains("GOLD,3,2,0,0,60.00,21600.00,113620.00,,,400,200.00"), csv);
    assertTrue(lines.contains("SILVER,0,0,1,4,,,,,,0,"), csv);

    ops()
        .get("/api/v1/reports/sla?from=2030-12-04&to=2030-12-01&groupBy=planet")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("groupBy", "to")));
    ops().get("/api/v1/reports/sla").then().statusCode(400);
  }

  /**
   * The report's one query over many clocks ({@code rma.scale.report-clocks}: 20,000 in the build,
   * a million from {@code deploy/scale/calendar-scale.sh}), in a month of their own (March 2031),
   * spread over five partners and three states; the counts are the clocks inserted.
   */
  @Test
  void theReportOverManyClocksCountsEachOfThem() {
    int n = Integer.getInteger("rma.scale.report-clocks", 20_000);
    String run = "RMA-RPS-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "insert into sla_clock (rma_number, service_level, target, calendar_id,"
                            + " started_at, due_at, at_risk_at, state, stopped_at,"
                            + " late_by_seconds, created_at, updated_at, partner_id)"
                            + " select :run || i, 'BRONZE', 'SHIPMENT', 'JP',"
                            + " timestamptz '2031-03-03 10:00+09' + (i % 20) * interval '1 day',"
                            + " timestamptz '2031-03-20 17:30+09', timestamptz '2031-03-18 17:30+09',"
                            + " case i % 3 when 0 then 'MET' when 1 then 'BREACHED' else 'RUNNING' end,"
                            + " case i % 3 when 0 then timestamptz '2031-03-10 10:00+09'"
                            + "   when 1 then timestamptz '2031-03-20 17:31+09' end,"
                            + " case i % 3 when 1 then 60 end, now(), now(),"
                            + " 'P-SCALE-' || (i % 5) from generate_series(1, :n) as i")
                    .setParameter("run", run)
                    .setParameter("n", n)
                    .executeUpdate());
    QuarkusTransaction.requiringNew()
        .run(() -> em.createNativeQuery("analyze sla_clock").executeUpdate());
    long started = System.nanoTime();
    JsonPath report =
        ops()
            .get("/api/v1/reports/sla?from=2031-03-01&to=2031-03-31&groupBy=partner")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    System.out.printf(
        "SLA report: %d clocks in %d ms%n", n, (System.nanoTime() - started) / 1_000_000);
    List<Map<String, Object>> rows = report.getList("rows");
    long met = 0;
    long breached = 0;
    long open = 0;
    for (Map<String, Object> row : rows) {
      if (row.get("group").toString().startsWith("P-SCALE-")) {
        met += ((Number) row.get("met")).longValue();
        breached += ((Number) row.get("breached")).longValue();
        open += ((Number) row.get("open")).longValue();
      }
    }
    assertEquals(n / 3, met);
    assertEquals((n + 2) / 3, breached);
    assertEquals((n + 1) / 3, open);
  }

  /**
   * A closure of several days is one change: GOLD clocks due Wednesday 6 or Thursday 7 November
   * 2030 move to Monday the 11th when Wednesday to Friday close, each moved and announced once
   * although two days of the range touch it; reopening the range moves them back.
   */
  @Test
  void aClosedRangeMovesEachTouchedClockOnceAndReopeningTheRangeMovesThemBack() {
    String run = "RMA-CAL-" + UUID.randomUUID().toString().substring(0, 6) + "-R";
    Instant thursdayStart = Instant.parse("2030-11-06T01:00:00Z");
    Instant monday = Instant.parse("2030-11-11T08:30:00Z");
    insertGoldClocks(run + "W", 20, WEDNESDAY_DUE, "RUNNING");
    insertGoldClocks(run + "T", 20, thursdayStart, THURSDAY_DUE, "RUNNING");
    Map<String, String> typhoonWeek =
        Map.of("from", WEDNESDAY, "to", "2030-11-08", "reason", "Typhoon week");

    ops()
        .contentType(ContentType.JSON)
        .body(typhoonWeek)
        .post("/api/v1/calendars/JP/closures?dryRun=true")
        .then()
        .statusCode(200)
        .body("clocksToMove", equalTo(40));
    assertEquals(0, announced(run));

    JsonPath change =
        ops()
            .contentType(ContentType.JSON)
            .body(typhoonWeek)
            .post("/api/v1/calendars/JP/closures")
            .then()
            .statusCode(200)
            .body("date", equalTo(WEDNESDAY))
            .body("lastDate", equalTo("2030-11-08"))
            .body("closed", equalTo(true))
            .extract()
            .jsonPath();
    long changeNo = change.getLong("changeNumber");
    await().atMost(WAIT).until(() -> dueAt(run, monday) == 40);
    await()
        .atMost(WAIT)
        .until(
            () ->
                ops()
                        .get("/api/v1/calendars/JP/changes?size=200")
                        .jsonPath()
                        .getInt("items.find { it.changeNumber == " + changeNo + " }.clocksMoved")
                    == 40);
    assertEquals(40, announced(run), "each clock announced once");
    assertTrue(
        ops()
            .get("/api/v1/calendars/JP/closures")
            .jsonPath()
            .getList("closures.date")
            .containsAll(List.of(WEDNESDAY, "2030-11-07", "2030-11-08")));

    ops()
        .delete("/api/v1/calendars/JP/closures?from={f}&to={t}", WEDNESDAY, "2030-11-08")
        .then()
        .statusCode(200)
        .body("closed", equalTo(false));
    await().atMost(WAIT).until(() -> dueAt(run + "W", WEDNESDAY_DUE) == 20);
    await().atMost(WAIT).until(() -> dueAt(run + "T", THURSDAY_DUE) == 20);
    await().atMost(WAIT).until(() -> announced(run) == 80);
    ops()
        .delete("/api/v1/calendars/JP/closures?from={f}&to={t}", WEDNESDAY, "2030-11-08")
        .then()
        .statusCode(404)
        .body("code", equalTo("CLOSURE_NOT_FOUND"));
  }

  @Test
  void badRangesAreRefusedWithProblems() {
    ops()
        .contentType(ContentType.JSON)
        .body(Map.of("from", "2030-11-08", "to", "2030-11-06", "reason", "backwards"))
        .post("/api/v1/calendars/JP/closures")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("to")));
    // 32 days is one too many; 31 would do
    ops()
        .contentType(ContentType.JSON)
        .body(Map.of("from", "2030-12-01", "to", "2031-01-01", "reason", "too long"))
        .post("/api/v1/calendars/JP/closures?dryRun=true")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("to")));
    ops()
        .contentType(ContentType.JSON)
        .body(Map.of("from", "2030-12-01", "to", "2030-12-31", "reason", "a month"))
        .post("/api/v1/calendars/JP/closures?dryRun=true")
        .then()
        .statusCode(200)
        .body("clocksToMove", equalTo(0));
    ops()
        .contentType(ContentType.JSON)
        .body(Map.of("to", "someday"))
        .post("/api/v1/calendars/JP/closures")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("from", "to", "reason")));
    ops()
        .delete("/api/v1/calendars/JP/closures?from=2030-11-06")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("to")));
  }

  @Test
  void badChangesAreRefusedWithProblems() {
    LocalDate yesterday = LocalDate.ofInstant(clock.instant(), TOKYO).minusDays(1);
    ops()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "too late"))
        .put("/api/v1/calendars/JP/closures/{d}", yesterday.toString())
        .then()
        .statusCode(422)
        .body("code", equalTo("CLOSURE_IN_THE_PAST"));
    ops()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "x"))
        .put("/api/v1/calendars/XX/closures/2030-11-06")
        .then()
        .statusCode(404)
        .body("code", equalTo("CALENDAR_NOT_FOUND"));
    ops()
        .contentType(ContentType.JSON)
        .body(Map.of())
        .put("/api/v1/calendars/JP/closures/2030-11-06")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("reason")));
    ops()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "r".repeat(201)))
        .put("/api/v1/calendars/JP/closures/2030-13-06?dryRun=maybe")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("date", "reason", "dryRun")));
    given()
        .auth()
        .oauth2(TestTokens.partner("P-1001"))
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "x"))
        .put("/api/v1/calendars/JP/closures/2030-11-06")
        .then()
        .statusCode(403);
    ops()
        .get("/api/v1/calendars/JP/changes?size=500")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("size")));
  }

  @Test
  void reJudgingFinishedClocksOfARangeChangesVerdictsOnceAndIsAudited() {
    String run = "RMA-CRJ-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    // a week of its own: GOLD started Tuesday 12 November 2030 10:00 Tokyo, due Wednesday 17:30;
    // MET by Thursday 12:00 under a calendar that had Wednesday closed (due Thursday)
    insertGoldClocks(
        run,
        2,
        Instant.parse("2030-11-12T01:00:00Z"),
        Instant.parse("2030-11-14T08:30:00Z"),
        "MET");
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update sla_clock set stopped_at = '2030-11-14T03:00:00Z',"
                            + " next_fire_at = null where rma_number like :p")
                    .setParameter("p", run + "%")
                    .executeUpdate());
    JsonPath done =
        ops()
            .contentType(ContentType.JSON)
            .body(Map.of("from", "2030-11-12", "to", "2030-11-12", "reason", "audit"))
            .post("/api/v1/slas/repair")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(done.getInt("metToBreached") >= 2);
    ops()
        .get("/api/v1/slas/{n}", run + "0000001")
        .then()
        .body("state", equalTo("BREACHED"))
        .body("dueAt", equalTo("2030-11-13T08:30:00Z"))
        .body("lateBySeconds", equalTo(18 * 3600 + 30 * 60));
    assertEquals(
        2,
        count(
            "select count(*) from outbox_event where type = :t and record_key like :p",
            Map.of("t", EventTypes.SLA_BREACHED, "p", run + "%")));
    JsonPath again =
        ops()
            .contentType(ContentType.JSON)
            .body(Map.of("from", "2030-11-12", "to", "2030-11-12", "reason", "audit again"))
            .post("/api/v1/slas/repair")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(0, again.getInt("metToBreached"));
    assertEquals(
        2,
        count(
            "select count(*) from outbox_event where type = :t and record_key like :p",
            Map.of("t", EventTypes.SLA_BREACHED, "p", run + "%")),
        "announced once");
    List<String> reasons = ops().get("/api/v1/slas/repair").jsonPath().getList("reason");
    assertTrue(reasons.contains("audit") && reasons.contains("audit again"));
    ops()
        .contentType(ContentType.JSON)
        .body(Map.of("from", "2030-11-05", "to", "2030-11-01"))
        .post("/api/v1/slas/repair")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("reason", "to")));
  }
}
