package com.acme.rma.intake.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timeline and webhook registration through REST: who sees what, bad input, rebuild. */
@QuarkusTest
class TimelineApiTest {

  private static final String REBUILD = "/api/v1/timeline/rebuild";

  @Inject MutableClock clock;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String jdbcUser;

  @ConfigProperty(name = "quarkus.datasource.password")
  String jdbcPassword;

  private String partner;
  private String rma;

  @BeforeEach
  void anRma() {
    clock.set(Fixtures.FRIDAY_MORNING);
    partner = "P-TIMELINE-" + UUID.randomUUID().toString().substring(0, 8);
    rma = Fixtures.rma(partner, Fixtures.request(Fixtures.appliance(partner, "GOLD")));
    WebhookDeliveryTest.awaitTimeline(rma, "sla.started");
  }

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  private static io.restassured.response.ValidatableResponse timeline(String token, String rma) {
    return given().auth().oauth2(token).get("/api/v1/rmas/{n}/timeline", rma).then();
  }

  @Test
  void theOwningPartnerSeesItsStepsWithoutOpsDetailsOthersSeeNothing() {
    timeline(TestTokens.partner(partner), rma)
        .statusCode(200)
        .body(
            "type",
            equalTo(
                List.of("rma.requested", "rma.entitlement-decided", "rma.issued", "sla.started")))
        .body("[0].source", equalTo("rma-intake"))
        .body("[0].at", equalTo("2026-05-01T01:00:00Z"))
        .body("[0].recordedAt", not(nullValue()))
        .body("[1].details.serviceLevel", equalTo("GOLD"))
        .body("[0].details.eventId", nullValue())
        .body("[0].details.partnerId", nullValue());
    timeline(TestTokens.ops(), rma)
        .statusCode(200)
        .body("[0].details.eventId", not(nullValue()))
        .body("[0].details.topic", equalTo("rma.lifecycle"));
    timeline(TestTokens.logistics(), rma).statusCode(200);
    timeline(TestTokens.partner("P-TIMELINE-OTHER"), rma)
        .statusCode(404)
        .body("code", equalTo("RMA_NOT_FOUND"));
    timeline(TestTokens.customer(), rma).statusCode(403);
    timeline(TestTokens.ops(), "RMA-2099-999999").statusCode(404);
    timeline(TestTokens.ops(), "not-an-rma").statusCode(404);
  }

  @Test
  void aRebuildRunsInTheBackgroundOneAtATimeAndGivesIdenticalEntries() throws Exception {
    List<Map<String, Object>> before =
        timeline(TestTokens.ops(), rma).statusCode(200).extract().jsonPath().getList("$");
    String partnerToken = TestTokens.partner(partner);
    given().auth().oauth2(partnerToken).post(REBUILD).then().statusCode(403);
    given().auth().oauth2(partnerToken).get(REBUILD).then().statusCode(403);

    // a rebuild whose instance stopped long ago does not hold up the next one
    UUID abandoned = UUID.randomUUID();
    try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
        PreparedStatement insert =
            db.prepareStatement(
                "insert into timeline_rebuild (id, state, started_at) values (?, 'RUNNING', ?)")) {
      insert.setObject(1, abandoned);
      insert.setObject(
          2, Fixtures.FRIDAY_MORNING.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }

    String id;
    try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
      // the rebuild's writing waits for this lock; reading the timeline does not
      db.setAutoCommit(false);
      db.createStatement().execute("lock table timeline_entry in exclusive mode");
      id =
          given()
              .auth()
              .oauth2(TestTokens.ops())
              .post(REBUILD)
              .then()
              .statusCode(202)
              .header("Location", endsWith(REBUILD))
              .body("state", equalTo("RUNNING"))
              .body("startedAt", not(nullValue()))
              .extract()
              .path("id");
      given()
          .auth()
          .oauth2(TestTokens.ops())
          .post(REBUILD)
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body("code", equalTo("REBUILD_RUNNING"))
          .body("rebuildId", equalTo(id));
      given()
          .auth()
          .oauth2(TestTokens.ops())
          .get(REBUILD)
          .then()
          .statusCode(200)
          .body("id", equalTo(id))
          .body("state", equalTo("RUNNING"));
      assertEquals(
          before,
          timeline(TestTokens.ops(), rma).statusCode(200).extract().jsonPath().getList("$"));
      timeline(partnerToken, rma).statusCode(200);
      db.rollback();
    }

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "DONE"
                    .equals(
                        given()
                            .auth()
                            .oauth2(TestTokens.ops())
                            .get(REBUILD)
                            .then()
                            .statusCode(200)
                            .body("id", equalTo(id))
                            .extract()
                            .path("state")));
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .get(REBUILD)
        .then()
        .body("entries", greaterThan(3))
        .body("records", greaterThan(0))
        .body("finishedAt", not(nullValue()))
        .body("error", nullValue());
    List<Map<String, Object>> after =
        timeline(TestTokens.ops(), rma).statusCode(200).extract().jsonPath().getList("$");
    assertEquals(before, after);
    try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
        PreparedStatement select =
            db.prepareStatement("select state, error from timeline_rebuild where id = ?")) {
      select.setObject(1, abandoned);
      ResultSet row = select.executeQuery();
      assertTrue(row.next());
      assertEquals("FAILED", row.getString(1));
      assertTrue(row.getString(2).startsWith("abandoned"), row.getString(2));
    }
  }

  private static io.restassured.response.ValidatableResponse post(String token, Object body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/webhooks")
        .then();
  }

  @Test
  void registrationsAreCheckedAndTheSecretNeverComesBack() {
    String token = TestTokens.partner(partner);
    post(token, Map.of("url", "http://127.0.0.1:9/h", "secret", "short"))
        .statusCode(400)
        .body("violations.field", hasItem("secret"));
    post(token, Map.of("url", "http://127.0.0.1:9/h", "secret", "x".repeat(257))).statusCode(400);
    post(
            token,
            Map.of(
                "url", "http://127.0.0.1:9/h",
                "secret", "0123456789abcdef",
                "eventTypes", List.of("rma.closed", "rma.exploded")))
        .statusCode(400)
        .body("violations.field", hasItem("eventTypes"));
    post(token, Map.of("url", "https://10.1.2.3/h", "secret", "0123456789abcdef"))
        .statusCode(422)
        .body("code", equalTo("WEBHOOK_URL_NOT_ALLOWED"));
    post(token, Map.of("url", "https://169.254.169.254/latest", "secret", "0123456789abcdef"))
        .statusCode(422);
    post(token, Map.of("url", "file:///etc/passwd", "secret", "0123456789abcdef")).statusCode(422);
    post(TestTokens.ops(), Map.of("url", "http://127.0.0.1:9/h", "secret", "0123456789abcdef"))
        .statusCode(403);

    String id =
        post(
                token,
                Map.of(
                    "url", "http://127.0.0.1:9/h",
                    "secret", "0123456789abcdef",
                    "eventTypes", List.of("rma.closed")))
            .statusCode(201)
            .body("secret", nullValue())
            .body("eventTypes", equalTo(List.of("rma.closed")))
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/webhooks/{id}", id)
        .then()
        .statusCode(200)
        .body("secret", nullValue());
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/webhooks")
        .then()
        .body("items.id", equalTo(List.of(id)));
    given()
        .auth()
        .oauth2(TestTokens.partner("P-TIMELINE-OTHER"))
        .get("/api/v1/webhooks/{id}", id)
        .then()
        .statusCode(404)
        .body("code", equalTo("WEBHOOK_NOT_FOUND"));
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .get("/api/v1/webhooks?partnerId={p}", partner)
        .then()
        .body("items.id", equalTo(List.of(id)));
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .get("/api/v1/webhooks?state=BROKEN")
        .then()
        .statusCode(400);
    given().auth().oauth2(TestTokens.customer()).get("/api/v1/webhooks").then().statusCode(403);
    given()
        .auth()
        .oauth2(token)
        .post("/api/v1/webhooks/{id}/test", id)
        .then()
        .statusCode(202)
        .body("type", equalTo("webhook.test"));
    given().auth().oauth2(token).delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
    given().auth().oauth2(token).get("/api/v1/webhooks/{id}", id).then().statusCode(404);
    given().auth().oauth2(token).get("/api/v1/webhooks/not-a-uuid").then().statusCode(404);
  }

  @Test
  void theDashboardsOriginMayReadWebhooksAcrossOrigins() {
    given()
        .header("Origin", "http://127.0.0.1:8084")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization")
        .options("/api/v1/webhooks")
        .then()
        .header("Access-Control-Allow-Origin", "http://127.0.0.1:8084");
    given()
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "GET")
        .options("/api/v1/webhooks")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }
}
