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
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.registry.application.RecordOwnership;
import com.acme.rma.registry.support.SiteEventLog;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sites over REST: registration, versions, ownership, roles and input checks (New Zealand). */
@QuarkusTest
class SiteApiTest {

  private static final String CENTER = "SC-NZ-AKL-TEST";
  private static final double AUCKLAND_LAT = -36.8485;
  private static final double AUCKLAND_LON = 174.7633;
  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  @Inject MutableClock clock;
  @Inject SiteEventLog events;
  @Inject RecordOwnership ownership;

  @BeforeEach
  void aucklandHasAServiceCenter() {
    as(TestTokens.ops())
        .body(center("NZ", AUCKLAND_LAT, AUCKLAND_LON, "2020-01-01T00:00:00Z"))
        .put("/api/v1/service-centers/" + CENTER)
        .then()
        .statusCode(200);
  }

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  @Test
  void opsRegistersAnAddressAndReadsItBackWithItsGoldPlusDecision() {
    clock.set(T0);
    String serial = unique("SN");
    Map<String, Object> body =
        address("1 Queen Street", "NZ", AUCKLAND_LAT + degreesNorth(10), AUCKLAND_LON);
    body.put("line2", "Level 3");
    body.put("region", "Auckland");

    as(TestTokens.ops())
        .body(body)
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(200)
        .body("serialNumber", equalTo(serial))
        .body("version", equalTo(1))
        .body("updatedAt", equalTo("2026-05-01T00:00:00Z"))
        .body("address.line1", equalTo("1 Queen Street"))
        .body("address.line2", equalTo("Level 3"))
        .body("address.city", equalTo("Test City"))
        .body("address.region", equalTo("Auckland"))
        .body("address.postalCode", equalTo("100-0005"))
        .body("address.country", equalTo("NZ"))
        .body("address.latitude", equalTo(AUCKLAND_LAT + degreesNorth(10)))
        .body("address.longitude", equalTo(AUCKLAND_LON))
        .body("goldPlus.eligible", equalTo(true))
        .body("goldPlus.serviceCenterId", equalTo(CENTER))
        .body("goldPlus.distanceMiles", equalTo(10.0))
        .body("goldPlus.reason", nullValue())
        .body("lock", nullValue());

    as(TestTokens.ops())
        .get("/api/v1/sites/" + serial)
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("address.region", equalTo("Auckland"))
        .body("goldPlus.serviceCenterId", equalTo(CENTER));
  }

  @Test
  void anAddressBeyondFiftyMilesIsOutOfTheServiceArea() {
    String serial = unique("SN");
    as(TestTokens.ops())
        .body(address("Far away", "NZ", AUCKLAND_LAT - degreesNorth(50.01), AUCKLAND_LON))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(200)
        .body("goldPlus.eligible", equalTo(false))
        .body("goldPlus.reason", equalTo("OUT_OF_SERVICE_AREA"))
        .body("goldPlus.serviceCenterId", nullValue())
        .body("goldPlus.distanceMiles", nullValue())
        .body("goldPlus.effectiveFrom", nullValue());
  }

  @Test
  void everyChangeIsANewVersionAndTheSameAddressAgainIsNot() {
    clock.set(T0);
    String serial = unique("SN");
    String url = "/api/v1/sites/" + serial + "/address";
    Map<String, Object> first = address("1 Queen Street", "NZ", AUCKLAND_LAT, AUCKLAND_LON);
    Map<String, Object> second = address("2 Queen Street", "NZ", AUCKLAND_LAT, AUCKLAND_LON);
    as(TestTokens.ops()).body(first).put(url).then().statusCode(200).body("version", equalTo(1));

    clock.advance(Duration.ofMinutes(5));
    as(TestTokens.ops())
        .body(first)
        .put(url)
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("updatedAt", equalTo("2026-05-01T00:00:00Z"));

    as(TestTokens.ops())
        .body(second)
        .put(url)
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("updatedAt", equalTo("2026-05-01T00:05:00Z"))
        .body("address.line1", equalTo("2 Queen Street"));

    var published = events.siteChanges(serial);
    assertEquals(2, published.size(), "one event per version, none for the repeat");
    assertEquals(1, published.get(0).get("version").asInt());
    assertEquals(2, published.get(1).get("version").asInt());
  }

  @Test
  void theOwningPartnerRegistersAndReadsItsSiteAndOtherPartnersSeeNothing() {
    String serial = unique("SN");
    ownership.record(serial, "P-OWNER", T0);
    String url = "/api/v1/sites/" + serial;

    as(TestTokens.partner("P-OWNER"))
        .get(url)
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("code", equalTo("SITE_NOT_FOUND"));
    as(TestTokens.partner("P-OWNER"))
        .body(address("1 Queen Street", "NZ", AUCKLAND_LAT, AUCKLAND_LON))
        .put(url + "/address")
        .then()
        .statusCode(200)
        .body("version", equalTo(1));
    as(TestTokens.partner("P-OWNER")).get(url).then().statusCode(200);

    as(TestTokens.partner("P-OTHER"))
        .get(url)
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("code", equalTo("SITE_NOT_FOUND"));
    as(TestTokens.partner("P-OTHER"))
        .body(address("9 Elsewhere Road", "NZ", AUCKLAND_LAT, AUCKLAND_LON))
        .put(url + "/address")
        .then()
        .statusCode(404)
        .body("code", equalTo("SITE_NOT_FOUND"));
    as(TestTokens.ops())
        .get(url)
        .then()
        .statusCode(200)
        .body("address.line1", equalTo("1 Queen Street"));
    assertEquals("P-OWNER", events.siteChanges(serial).get(0).get("partnerId").asText());
  }

  @Test
  void aPartnerCannotRegisterAnApplianceNoEntitlementNamesAndAMissingSiteIsNotFound() {
    String serial = unique("SN");
    as(TestTokens.partner("P-OWNER"))
        .body(address("1 Queen Street", "NZ", AUCKLAND_LAT, AUCKLAND_LON))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(404)
        .body("code", equalTo("SITE_NOT_FOUND"));
    as(TestTokens.ops())
        .get("/api/v1/sites/" + serial)
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("code", equalTo("SITE_NOT_FOUND"));
    assertEquals(0, events.siteChanges(serial).size());
  }

  @Test
  void logisticsAndCustomersMayNotTouchSitesAndATokenIsRequired() {
    String url = "/api/v1/sites/" + unique("SN");
    as(TestTokens.logistics()).get(url).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    as(TestTokens.customer())
        .get(url)
        .then()
        .statusCode(403)
        .body("code", equalTo("CONTACT_YOUR_RESELLER"));
    as(TestTokens.logistics())
        .body(address("1 Queen Street", "NZ", AUCKLAND_LAT, AUCKLAND_LON))
        .put(url + "/address")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    anonymous().get(url).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    as(TestTokens.signedByStranger()).get(url).then().statusCode(401);
    as(TestTokens.forAnotherAudience()).get(url).then().statusCode(401);
  }

  @Test
  void coordinatesOutsideTheirRangesAreRefusedAndTheEdgesAccepted() {
    assertRefused(with("latitude", 90.0001), "latitude");
    assertRefused(with("latitude", -90.0001), "latitude");
    assertRefused(with("longitude", 180.0001), "longitude");
    assertRefused(with("longitude", -180.0001), "longitude");
    assertRefused(with("latitude", null), "latitude");
    assertRefused(with("longitude", "east"), "longitude");
    assertRefused(with("latitude", "NaN"), "latitude");
    assertRefused(with("longitude", "Infinity"), "longitude");

    Map<String, Object> edge = address("North Pole", "NZ", 90.0, -180.0);
    as(TestTokens.ops())
        .body(edge)
        .put("/api/v1/sites/" + unique("SN") + "/address")
        .then()
        .statusCode(200)
        .body("goldPlus.reason", equalTo("OUT_OF_SERVICE_AREA"));
  }

  @Test
  void countriesMustBeIsoAlpha2InUpperCase() {
    assertRefused(with("country", "XX"), "country");
    assertRefused(with("country", "nz"), "country");
    assertRefused(with("country", "NZL"), "country");
    assertRefused(with("country", null), "country");
  }

  @Test
  void requiredLinesMustBePresentAndLengthsAreBounded() {
    assertRefused(with("line1", null), "line1");
    assertRefused(with("line1", "  "), "line1");
    assertRefused(with("city", null), "city");
    assertRefused(with("postalCode", null), "postalCode");
    assertRefused(with("line1", "x".repeat(201)), "line1");
    assertRefused(with("line2", "x".repeat(201)), "line2");
    assertRefused(with("city", "x".repeat(201)), "city");
    assertRefused(with("region", "x".repeat(201)), "region");
    assertRefused(with("postalCode", "1".repeat(65)), "postalCode");
  }

  @Test
  void malformedBodiesAndBadSerialNumbersAre400s() {
    String url = "/api/v1/sites/" + unique("SN") + "/address";
    as(TestTokens.ops())
        .body("{\"line1\": ")
        .put(url)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("code", equalTo("MALFORMED_JSON"));
    as(TestTokens.ops()).put(url).then().statusCode(400).contentType(PROBLEM);
    as(TestTokens.ops())
        .body(
            "{\"line1\":\"1 Queen St\",\"city\":\"Auckland\",\"postalCode\":\"1010\","
                + "\"country\":\"NZ\",\"latitude\":1e400,\"longitude\":174.7}")
        .put(url)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("violations.field", hasItem("latitude"));
    as(TestTokens.ops())
        .body(address("1 Queen Street", "NZ", AUCKLAND_LAT, AUCKLAND_LON))
        .put("/api/v1/sites/" + "x".repeat(65) + "/address")
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem("serialNumber"));
    as(TestTokens.ops())
        .get("/api/v1/sites/bad%20serial")
        .then()
        .statusCode(400)
        .body("violations.field", contains("serialNumber"));
  }

  @Test
  void instantsAreAnsweredInUtcToTheMicrosecond() {
    clock.set(Instant.parse("2026-05-01T10:00:00.123456789Z"));
    as(TestTokens.ops())
        .body(address("1 Queen Street", "NZ", AUCKLAND_LAT, AUCKLAND_LON))
        .put("/api/v1/sites/" + unique("SN") + "/address")
        .then()
        .statusCode(200)
        .body("updatedAt", equalTo("2026-05-01T10:00:00.123456Z"));
  }

  @Test
  void twoFirstRegistrationsAtOnceBothSucceedOneAfterTheOther() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 5; i++) {
        String url = "/api/v1/sites/" + unique("SN") + "/address";
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String line1 : List.of("1 Queen Street", "2 Queen Street")) {
          Map<String, Object> body = address(line1, "NZ", AUCKLAND_LAT, AUCKLAND_LON);
          answers.add(
              pool.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return as(TestTokens.ops()).body(body).put(url).statusCode();
                  }));
        }
        for (Future<Integer> answer : answers) {
          assertEquals(200, answer.get(30, TimeUnit.SECONDS));
        }
        as(TestTokens.ops())
            .get(url.replace("/address", ""))
            .then()
            .statusCode(200)
            .body("version", equalTo(2));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> body = address("1 Queen Street", "NZ", AUCKLAND_LAT, AUCKLAND_LON);
    body.put(field, value);
    return body;
  }

  private void assertRefused(Map<String, Object> body, String field) {
    String serial = unique("SN");
    as(TestTokens.ops())
        .body(body)
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem(field))
        .body("trace", not(notNullValue()));
    as(TestTokens.ops()).get("/api/v1/sites/" + serial).then().statusCode(404);
  }
}
