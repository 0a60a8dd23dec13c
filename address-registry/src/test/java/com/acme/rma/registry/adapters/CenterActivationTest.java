package com.acme.rma.registry.adapters;

import static com.acme.rma.registry.support.Api.address;
import static com.acme.rma.registry.support.Api.as;
import static com.acme.rma.registry.support.Api.center;
import static com.acme.rma.registry.support.Api.degreesNorth;
import static com.acme.rma.registry.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.registry.application.AnnounceActivatedCenters;
import com.acme.rma.registry.support.SiteEventLog;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A pending center (France): SERVICE_CENTER_PENDING until its activeFrom, Gold Plus from then. */
@QuarkusTest
class CenterActivationTest {

  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
  private static final Instant OPENING = T0.plus(Duration.ofDays(42));
  private static final double PARIS_LAT = 48.8566;
  private static final double PARIS_LON = 2.3522;

  @Inject MutableClock clock;
  @Inject SiteEventLog events;
  @Inject AnnounceActivatedCenters announcer;

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  @Test
  void aPendingCenterMakesTheSitePendingAndServesItFromItsOpening() {
    clock.set(T0);
    String serial = unique("SN");
    String site = "/api/v1/sites/" + serial;
    // a pending center near Paris, and an active one in Lyon, too far for Paris
    as(TestTokens.ops())
        .body(center("FR", 45.7640, 4.8357, "2020-01-01T00:00:00Z"))
        .put("/api/v1/service-centers/" + unique("SC-FR-LYS"))
        .then()
        .statusCode(200);
    String pending = unique("SC-FR-PAR");
    as(TestTokens.ops())
        .body(center("FR", PARIS_LAT + degreesNorth(8), PARIS_LON, OPENING.toString()))
        .put("/api/v1/service-centers/" + pending)
        .then()
        .statusCode(200);
    Map<String, Object> paris = address("1 Rue de Rivoli", "FR", PARIS_LAT, PARIS_LON);

    as(TestTokens.ops())
        .body(paris)
        .put(site + "/address")
        .then()
        .statusCode(200)
        .body("goldPlus.eligible", equalTo(false))
        .body("goldPlus.reason", equalTo("SERVICE_CENTER_PENDING"))
        .body("goldPlus.effectiveFrom", equalTo("2026-06-12T00:00:00Z"))
        .body("goldPlus.serviceCenterId", nullValue());

    clock.set(OPENING.minusSeconds(1));
    as(TestTokens.ops())
        .get(site)
        .then()
        .body("goldPlus.reason", equalTo("SERVICE_CENTER_PENDING"));
    announcer.announce();
    assertEquals(1, events.siteChanges(serial).size(), "nothing opened yet");

    clock.set(OPENING);
    as(TestTokens.ops())
        .get(site)
        .then()
        .body("goldPlus.eligible", equalTo(true))
        .body("goldPlus.serviceCenterId", equalTo(pending))
        .body("goldPlus.distanceMiles", equalTo(8.0))
        .body("goldPlus.reason", nullValue())
        .body("goldPlus.effectiveFrom", nullValue());

    announcer.announce();
    var published = events.siteChanges(serial);
    assertEquals(2, published.size(), "the opening is published once");
    assertEquals(pending, published.get(1).get("goldPlus").get("serviceCenterId").asText());
    announcer.announce();
    assertEquals(2, events.siteChanges(serial).size());
  }

  @Test
  void aLockTakenWhilePendingKeepsThatDecisionAfterTheOpening() {
    clock.set(T0);
    String serial = unique("SN");
    double lat = 43.6047; // Toulouse
    double lon = 1.4442;
    as(TestTokens.ops())
        .body(center("FR", lat, lon + 0.05, OPENING.toString()))
        .put("/api/v1/service-centers/" + unique("SC-FR-TLS"))
        .then()
        .statusCode(200);
    as(TestTokens.ops())
        .body(address("1 Place du Capitole", "FR", lat, lon))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(200);
    String rma = unique("RMA-2026");
    as(TestTokens.service())
        .body(Map.of("rmaNumber", rma))
        .post("/api/v1/sites/" + serial + "/lock")
        .then()
        .statusCode(200)
        .body("goldPlus.reason", equalTo("SERVICE_CENTER_PENDING"));

    clock.set(OPENING.plusSeconds(60));
    as(TestTokens.service())
        .body(Map.of("rmaNumber", rma))
        .post("/api/v1/sites/" + serial + "/lock")
        .then()
        .statusCode(200)
        .body("goldPlus.reason", equalTo("SERVICE_CENTER_PENDING"))
        .body("goldPlus.effectiveFrom", equalTo("2026-06-12T00:00:00Z"));
    as(TestTokens.ops())
        .get("/api/v1/sites/" + serial)
        .then()
        .body("goldPlus.eligible", equalTo(true))
        .body("lock.rmaNumber", equalTo(rma));
  }
}
