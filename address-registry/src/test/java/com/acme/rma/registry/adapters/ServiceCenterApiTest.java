package com.acme.rma.registry.adapters;

import static com.acme.rma.registry.support.Api.PROBLEM;
import static com.acme.rma.registry.support.Api.address;
import static com.acme.rma.registry.support.Api.anonymous;
import static com.acme.rma.registry.support.Api.as;
import static com.acme.rma.registry.support.Api.center;
import static com.acme.rma.registry.support.Api.degreesNorth;
import static com.acme.rma.registry.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.registry.support.SiteEventLog;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Service centers over REST, and what changing one does to the sites of its country. */
@QuarkusTest
class ServiceCenterApiTest {

  @Inject MutableClock clock;
  @Inject SiteEventLog events;

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  @Test
  void opsCreatesAndReplacesACenterAndAnswersInUtc() {
    String id = unique("SC");
    Map<String, Object> body = center("JP", 34.7025, 135.4959, "2026-07-01T09:00:00+09:00");
    body.put("name", "Osaka service center");

    as(TestTokens.ops())
        .body(body)
        .put("/api/v1/service-centers/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("name", equalTo("Osaka service center"))
        .body("country", equalTo("JP"))
        .body("latitude", equalTo(34.7025))
        .body("longitude", equalTo(135.4959))
        .body("activeFrom", equalTo("2026-07-01T00:00:00Z"));

    body.put("name", "Osaka Umeda service center");
    as(TestTokens.ops())
        .body(body)
        .put("/api/v1/service-centers/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Osaka Umeda service center"));
    as(TestTokens.partner("P-1"))
        .get("/api/v1/service-centers/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Osaka Umeda service center"))
        .body("activeFrom", equalTo("2026-07-01T00:00:00Z"));
  }

  @Test
  void aCenterWithoutActiveFromIsActiveFromWhenItWasStored() {
    clock.set(Instant.parse("2026-05-01T03:04:05Z"));
    as(TestTokens.ops())
        .body(center("JP", 35.0, 135.0, null))
        .put("/api/v1/service-centers/" + unique("SC"))
        .then()
        .statusCode(200)
        .body("activeFrom", equalTo("2026-05-01T03:04:05Z"));
  }

  @Test
  void listsCentersInPagesOrderedByIdOptionallyOfOneCountry() {
    String prefix = unique("SC-IS");
    for (String suffix : new String[] {"C", "A", "B"}) {
      as(TestTokens.ops())
          .body(center("IS", 64.1466, -21.9426, "2020-01-01T00:00:00Z"))
          .put("/api/v1/service-centers/" + prefix + "-" + suffix)
          .then()
          .statusCode(200);
    }

    as(TestTokens.partner("P-1"))
        .queryParam("country", "IS")
        .queryParam("size", 2)
        .get("/api/v1/service-centers")
        .then()
        .statusCode(200)
        .body("page", equalTo(0))
        .body("size", equalTo(2))
        .body("total", equalTo(3))
        .body("items.id", contains(prefix + "-A", prefix + "-B"));
    as(TestTokens.ops())
        .queryParam("country", "IS")
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get("/api/v1/service-centers")
        .then()
        .statusCode(200)
        .body("items.id", contains(prefix + "-C"))
        .body("items[0].country", equalTo("IS"))
        .body("items[0].activeFrom", equalTo("2020-01-01T00:00:00Z"));
    as(TestTokens.ops())
        .get("/api/v1/service-centers")
        .then()
        .statusCode(200)
        .body("size", equalTo(50))
        .body("items.id", hasItem(prefix + "-A"));
  }

  @Test
  void badPageParametersAndCountriesAre400s() {
    String url = "/api/v1/service-centers";
    as(TestTokens.ops()).queryParam("page", -1).get(url).then().statusCode(400);
    as(TestTokens.ops()).queryParam("size", 0).get(url).then().statusCode(400);
    as(TestTokens.ops())
        .queryParam("size", 201)
        .get(url)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("violations.field", hasItem("size"));
    as(TestTokens.ops()).queryParam("page", "abc").get(url).then().statusCode(400);
    as(TestTokens.ops()).queryParam("page", Integer.MAX_VALUE).get(url).then().statusCode(400);
    as(TestTokens.ops())
        .queryParam("country", "jp")
        .get(url)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("country"));
  }

  @Test
  void badCentersAreRefused() {
    assertRefused(center("XX", 35.0, 135.0, null), "country");
    assertRefused(center("JP", 91.0, 135.0, null), "latitude");
    assertRefused(center("JP", 35.0, -180.5, null), "longitude");
    Map<String, Object> noName = center("JP", 35.0, 135.0, null);
    noName.put("name", " ");
    assertRefused(noName, "name");
    Map<String, Object> badDate = center("JP", 35.0, 135.0, "next tuesday");
    assertRefused(badDate, "activeFrom");
    Map<String, Object> otherId = center("JP", 35.0, 135.0, null);
    otherId.put("id", "SC-SOMETHING-ELSE");
    assertRefused(otherId, "id");
    as(TestTokens.ops())
        .body(center("JP", 35.0, 135.0, null))
        .put("/api/v1/service-centers/has space")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("id"));
  }

  @Test
  void onlyOpsWritesCentersAndPartnersMayRead() {
    String id = unique("SC");
    as(TestTokens.partner("P-1"))
        .body(center("JP", 35.0, 135.0, null))
        .put("/api/v1/service-centers/" + id)
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN"));
    as(TestTokens.logistics()).get("/api/v1/service-centers").then().statusCode(403);
    as(TestTokens.customer())
        .get("/api/v1/service-centers")
        .then()
        .statusCode(403)
        .body("code", equalTo("CONTACT_YOUR_RESELLER"));
    anonymous().get("/api/v1/service-centers").then().statusCode(401);
    as(TestTokens.ops())
        .get("/api/v1/service-centers/" + id)
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("code", equalTo("SERVICE_CENTER_NOT_FOUND"));
  }

  /** Germany: a new center brings a site into Gold Plus, moving it away takes it out again. */
  @Test
  void changingACenterRepublishesTheSitesOfItsCountryWhoseDecisionChanged() {
    double berlinLat = 52.5200;
    double berlinLon = 13.4050;
    String near = unique("SN");
    String far = unique("SN");
    as(TestTokens.ops())
        .body(address("Unter den Linden 1", "DE", berlinLat, berlinLon))
        .put("/api/v1/sites/" + near + "/address")
        .then()
        .statusCode(200)
        .body("goldPlus.reason", equalTo("OUT_OF_SERVICE_AREA"));
    as(TestTokens.ops())
        .body(address("Marienplatz 1", "DE", 48.1374, 11.5755))
        .put("/api/v1/sites/" + far + "/address")
        .then()
        .statusCode(200);
    String id = unique("SC-DE");

    as(TestTokens.ops())
        .body(center("DE", berlinLat + degreesNorth(15), berlinLon, "2020-01-01T00:00:00Z"))
        .put("/api/v1/service-centers/" + id)
        .then()
        .statusCode(200);

    var nearEvents = events.siteChanges(near);
    assertEquals(2, nearEvents.size());
    assertEquals(true, nearEvents.get(1).get("goldPlus").get("eligible").asBoolean());
    assertEquals(id, nearEvents.get(1).get("goldPlus").get("serviceCenterId").asText());
    assertEquals(15.0, nearEvents.get(1).get("goldPlus").get("distanceMiles").asDouble());
    assertEquals(1, events.siteChanges(far).size(), "Munich's decision did not change");
    as(TestTokens.ops())
        .get("/api/v1/sites/" + near)
        .then()
        .body("goldPlus.serviceCenterId", equalTo(id));

    // the same center again changes no decision: nothing is published
    as(TestTokens.ops())
        .body(center("DE", berlinLat + degreesNorth(15), berlinLon, "2020-01-01T00:00:00Z"))
        .put("/api/v1/service-centers/" + id)
        .then()
        .statusCode(200);
    assertEquals(2, events.siteChanges(near).size());

    // moved to Austria: Berlin is out of the service area again
    as(TestTokens.ops())
        .body(center("AT", 48.2082, 16.3738, "2020-01-01T00:00:00Z"))
        .put("/api/v1/service-centers/" + id)
        .then()
        .statusCode(200);
    nearEvents = events.siteChanges(near);
    assertEquals(3, nearEvents.size());
    assertEquals("OUT_OF_SERVICE_AREA", nearEvents.get(2).get("goldPlus").get("reason").asText());
  }

  private static void assertRefused(Map<String, Object> body, String field) {
    String id = unique("SC");
    as(TestTokens.ops())
        .body(body)
        .put("/api/v1/service-centers/" + id)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem(field));
    as(TestTokens.ops()).get("/api/v1/service-centers/" + id).then().statusCode(404);
  }
}
