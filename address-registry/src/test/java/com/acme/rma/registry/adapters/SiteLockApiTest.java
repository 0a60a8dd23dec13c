package com.acme.rma.registry.adapters;

import static com.acme.rma.registry.support.Api.PROBLEM;
import static com.acme.rma.registry.support.Api.address;
import static com.acme.rma.registry.support.Api.as;
import static com.acme.rma.registry.support.Api.center;
import static com.acme.rma.registry.support.Api.degreesNorth;
import static com.acme.rma.registry.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.acme.rma.registry.application.RecordOwnership;
import com.acme.rma.registry.support.SiteEventLog;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lock rma-intake takes at request time, its release, and its race with a change (Australia).
 */
@QuarkusTest
class SiteLockApiTest {

  private static final String CENTER = "SC-AU-SYD-TEST";
  private static final double SYDNEY_LAT = -33.8688;
  private static final double SYDNEY_LON = 151.2093;
  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  @Inject MutableClock clock;
  @Inject SiteEventLog events;
  @Inject RecordOwnership ownership;

  @BeforeEach
  void sydneyHasAServiceCenter() {
    as(TestTokens.ops())
        .body(center("AU", SYDNEY_LAT, SYDNEY_LON, "2020-01-01T00:00:00Z"))
        .put("/api/v1/service-centers/" + CENTER)
        .then()
        .statusCode(200);
  }

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  @Test
  void theLockHoldsTheCurrentAddressVersionAndAnswersItWithTheEligibility() {
    clock.set(T0);
    String serial = registered(address("1 George Street", "AU", SYDNEY_LAT, SYDNEY_LON));
    Map<String, Object> current =
        address("2 George Street", "AU", SYDNEY_LAT + degreesNorth(20), SYDNEY_LON);
    put(serial, current).then().statusCode(200).body("version", equalTo(2));
    clock.set(T0.plus(Duration.ofHours(1)));
    String rma = unique("RMA-2026");

    lock(serial, rma)
        .then()
        .statusCode(200)
        .body("serialNumber", equalTo(serial))
        .body("rmaNumber", equalTo(rma))
        .body("lockedAt", equalTo("2026-05-01T01:00:00Z"))
        .body("version", equalTo(2))
        .body("address.line1", equalTo("2 George Street"))
        .body("address.latitude", equalTo(SYDNEY_LAT + degreesNorth(20)))
        .body("goldPlus.eligible", equalTo(true))
        .body("goldPlus.serviceCenterId", equalTo(CENTER))
        .body("goldPlus.distanceMiles", equalTo(20.0))
        .body("goldPlus.reason", nullValue())
        .body("goldPlus.effectiveFrom", nullValue());

    as(TestTokens.ops())
        .get("/api/v1/sites/" + serial)
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("lock.rmaNumber", equalTo(rma))
        .body("lock.lockedAt", equalTo("2026-05-01T01:00:00Z"));
    var last = events.siteChanges(serial).get(2);
    assertEquals(rma, last.get("lock").get("rmaNumber").asText());
    assertEquals(2, last.get("version").asInt());
  }

  @Test
  void lockingAgainForTheSameRmaAnswersTheSameLockAndPublishesNothingNew() {
    clock.set(T0);
    String serial = registered(address("1 George Street", "AU", SYDNEY_LAT, SYDNEY_LON));
    String rma = unique("RMA-2026");
    lock(serial, rma).then().statusCode(200);

    clock.advance(Duration.ofMinutes(3));
    lock(serial, rma)
        .then()
        .statusCode(200)
        .body("rmaNumber", equalTo(rma))
        .body("lockedAt", equalTo("2026-05-01T00:00:00Z"))
        .body("version", equalTo(1))
        .body("goldPlus.serviceCenterId", equalTo(CENTER));

    assertEquals(2, events.siteChanges(serial).size(), "registration and lock only");
  }

  @Test
  void anotherRmaIsRefusedWithAddressLockedNamingTheHolder() {
    String serial = registered(address("1 George Street", "AU", SYDNEY_LAT, SYDNEY_LON));
    String holder = unique("RMA-2026");
    lock(serial, holder).then().statusCode(200);

    lock(serial, unique("RMA-2026"))
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("code", equalTo("ADDRESS_LOCKED"))
        .body("rmaNumber", equalTo(holder));
  }

  @Test
  void aChangeWhileLockedIsRefusedAndChangesNothing() {
    String serial = registered(address("1 George Street", "AU", SYDNEY_LAT, SYDNEY_LON));
    String holder = unique("RMA-2026");
    lock(serial, holder).then().statusCode(200);
    int published = events.siteChanges(serial).size();

    put(serial, address("5 Pitt Street", "AU", SYDNEY_LAT, SYDNEY_LON))
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("code", equalTo("ADDRESS_LOCKED"))
        .body("rmaNumber", equalTo(holder));
    put(serial, address("1 George Street", "AU", SYDNEY_LAT, SYDNEY_LON))
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("lock.rmaNumber", equalTo(holder));

    as(TestTokens.ops())
        .get("/api/v1/sites/" + serial)
        .then()
        .body("version", equalTo(1))
        .body("address.line1", equalTo("1 George Street"));
    assertEquals(published, events.siteChanges(serial).size());
  }

  @Test
  void releasingIsIdempotentAndOnlyTheHolderReleases() {
    String serial = registered(address("1 George Street", "AU", SYDNEY_LAT, SYDNEY_LON));
    String holder = unique("RMA-2026");
    lock(serial, holder).then().statusCode(200);

    unlock(serial, unique("RMA-2026")).then().statusCode(204);
    as(TestTokens.ops())
        .get("/api/v1/sites/" + serial)
        .then()
        .body("lock.rmaNumber", equalTo(holder));

    unlock(serial, holder).then().statusCode(204);
    as(TestTokens.ops()).get("/api/v1/sites/" + serial).then().body("lock", nullValue());
    unlock(serial, holder).then().statusCode(204);
    assertEquals(3, events.siteChanges(serial).size(), "registration, lock, release");

    put(serial, address("5 Pitt Street", "AU", SYDNEY_LAT, SYDNEY_LON))
        .then()
        .statusCode(200)
        .body("version", equalTo(2));
  }

  /**
   * The lock API is rma-intake's alone: no partner (not even the owner, who could otherwise release
   * its own RMA's lock and change the address), no ops, logistics or customer token may lock or
   * unlock. The service names the partner the RMA is for, and the registry checks its copy of the
   * owner against it.
   */
  @Test
  void onlyTheServiceIdentityMayLockAndReleaseOnTheOwnersBehalf() {
    String serial = registered(address("1 George Street", "AU", SYDNEY_LAT, SYDNEY_LON));
    ownership.record(serial, "P-AU-1", T0);
    String rma = unique("RMA-2026");
    String url = "/api/v1/sites/" + serial + "/lock";

    for (String token :
        new String[] {
          TestTokens.partner("P-AU-1"),
          TestTokens.partner("P-AU-2"),
          TestTokens.ops(),
          TestTokens.logistics(),
          TestTokens.customer()
        }) {
      as(token)
          .body(Map.of("rmaNumber", rma, "partnerId", "P-AU-1"))
          .post(url)
          .then()
          .statusCode(403)
          .contentType(PROBLEM);
    }
    as(TestTokens.service())
        .body(Map.of("rmaNumber", rma, "partnerId", "P-AU-2"))
        .post(url)
        .then()
        .statusCode(409)
        .body("code", equalTo("SITE_OWNER_NOT_RECORDED"));
    as(TestTokens.service())
        .body(Map.of("rmaNumber", rma, "partnerId", "P-AU-1"))
        .post(url)
        .then()
        .statusCode(200)
        .body("rmaNumber", equalTo(rma));

    for (String token :
        new String[] {
          TestTokens.partner("P-AU-1"),
          TestTokens.ops(),
          TestTokens.logistics(),
          TestTokens.customer()
        }) {
      as(token).delete(url + "/" + rma).then().statusCode(403).contentType(PROBLEM);
    }
    as(TestTokens.partner("P-AU-1"))
        .body(address("5 Pitt Street", "AU", SYDNEY_LAT, SYDNEY_LON))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(409)
        .body("code", equalTo("ADDRESS_LOCKED"));
    as(TestTokens.service()).delete(url + "/" + rma).then().statusCode(204);
    as(TestTokens.ops()).get("/api/v1/sites/" + serial).then().body("lock", nullValue());
  }

  /**
   * Ops' way out: the lock goes whatever RMA holds it, announced like a normal release, and the
   * release is recorded with who, when and why (readable by ops only).
   */
  @Test
  void opsForceReleaseALockWithAReasonAndTheReleaseIsAudited() {
    clock.set(T0);
    String serial = registered(address("1 George Street", "AU", SYDNEY_LAT, SYDNEY_LON));
    String rma = unique("RMA-2026");
    lock(serial, rma).then().statusCode(200);
    String url = "/api/v1/sites/" + serial + "/lock/force-release";

    as(TestTokens.ops())
        .body(Map.of("reason", " "))
        .post(url)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("violations.field", hasItem("reason"));
    as(TestTokens.ops()).body(Map.of()).post(url).then().statusCode(400);
    for (String token :
        new String[] {TestTokens.partner("P-AU-1"), TestTokens.service(), TestTokens.logistics()}) {
      as(token).body(Map.of("reason", "stuck")).post(url).then().statusCode(403);
    }
    as(TestTokens.ops()).get("/api/v1/sites/" + serial).then().body("lock.rmaNumber", equalTo(rma));

    clock.set(T0.plusSeconds(90));
    as(TestTokens.ops())
        .body(Map.of("reason", "customer moved; RMA to be cancelled by hand"))
        .post(url)
        .then()
        .statusCode(200)
        .body("serialNumber", equalTo(serial))
        .body("rmaNumber", equalTo(rma))
        .body("releasedBy", equalTo("ops-user"))
        .body("releasedAt", equalTo("2026-05-01T00:01:30Z"))
        .body("reason", equalTo("customer moved; RMA to be cancelled by hand"));

    as(TestTokens.ops()).get("/api/v1/sites/" + serial).then().body("lock", nullValue());
    var last = events.siteChanges(serial).get(2);
    assertEquals(true, last.get("lock").isNull(), "announced like a normal release");
    as(TestTokens.ops())
        .body(Map.of("reason", "again"))
        .post(url)
        .then()
        .statusCode(409)
        .body("code", equalTo("SITE_NOT_LOCKED"));
    as(TestTokens.ops())
        .get("/api/v1/sites/" + serial + "/lock/force-releases")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].rmaNumber", equalTo(rma))
        .body("items[0].releasedBy", equalTo("ops-user"))
        .body("items[0].reason", equalTo("customer moved; RMA to be cancelled by hand"));
    as(TestTokens.partner("P-AU-1"))
        .get("/api/v1/sites/" + serial + "/lock/force-releases")
        .then()
        .statusCode(403);
    as(TestTokens.ops())
        .body(Map.of("reason", "x"))
        .post("/api/v1/sites/" + unique("SN") + "/lock/force-release")
        .then()
        .statusCode(404)
        .body("code", equalTo("SITE_NOT_FOUND"));
  }

  /**
   * Ownership drift: the registry's copy of the owner lags behind an entitlement that just moved.
   * "No site" (404) is answered only when there is no site; a site whose recorded owner is someone
   * else (or nobody yet) is 409 {@code SITE_OWNER_NOT_RECORDED}, and the lock is granted to the new
   * owner as soon as the move is recorded.
   */
  @Test
  void aLockIsAnsweredNoSiteOnlyWhenThereIsNoSite() {
    String serial = registered(address("1 George Street", "AU", SYDNEY_LAT, SYDNEY_LON));
    String rma = unique("RMA-2026");
    String url = "/api/v1/sites/" + serial + "/lock";
    as(TestTokens.service())
        .body(Map.of("rmaNumber", rma, "partnerId", "P-AU-NEW"))
        .post(url)
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("code", equalTo("SITE_OWNER_NOT_RECORDED"));
    ownership.record(serial, "P-AU-OLD", T0);
    as(TestTokens.service())
        .body(Map.of("rmaNumber", rma, "partnerId", "P-AU-NEW"))
        .post(url)
        .then()
        .statusCode(409)
        .body("code", equalTo("SITE_OWNER_NOT_RECORDED"))
        .body("rmaNumber", nullValue());

    ownership.record(serial, "P-AU-NEW", T0.plusSeconds(60));
    as(TestTokens.service())
        .body(Map.of("rmaNumber", rma, "partnerId", "P-AU-NEW"))
        .post(url)
        .then()
        .statusCode(200)
        .body("rmaNumber", equalTo(rma))
        .body("goldPlus.eligible", equalTo(true));

    String unregistered = unique("SN");
    ownership.record(unregistered, "P-AU-OLD", T0);
    as(TestTokens.service())
        .body(Map.of("rmaNumber", unique("RMA-2026"), "partnerId", "P-AU-NEW"))
        .post("/api/v1/sites/" + unregistered + "/lock")
        .then()
        .statusCode(404)
        .body("code", equalTo("SITE_NOT_FOUND"));
  }

  @Test
  void anApplianceWithoutARegisteredAddressCannotBeLocked() {
    String serial = unique("SN");
    ownership.record(serial, "P-AU-1", T0);
    as(TestTokens.service())
        .body(Map.of("rmaNumber", unique("RMA-2026"), "partnerId", "P-AU-1"))
        .post("/api/v1/sites/" + serial + "/lock")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("code", equalTo("SITE_NOT_FOUND"));
    unlock(serial, unique("RMA-2026")).then().statusCode(404);
  }

  @Test
  void aLockNeedsAWellFormedRmaNumber() {
    String serial = registered(address("1 George Street", "AU", SYDNEY_LAT, SYDNEY_LON));
    String url = "/api/v1/sites/" + serial + "/lock";
    as(TestTokens.service())
        .body(Map.of())
        .post(url)
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem("rmaNumber"));
    as(TestTokens.service())
        .body(Map.of("rmaNumber", "RMA 42; drop"))
        .post(url)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("rmaNumber"));
    as(TestTokens.service()).post(url).then().statusCode(400).contentType(PROBLEM);
    as(TestTokens.service())
        .delete(url + "/" + "R".repeat(65))
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("rmaNumber"));
    as(TestTokens.ops()).get("/api/v1/sites/" + serial).then().body("lock", nullValue());
  }

  /**
   * A change and a lock sent at the same moment, many times: exactly one order wins each time.
   * Either the lock came first (it holds version 1 and the change is refused), or the change came
   * first (the lock holds version 2 with the new address). Never a lock on a version that a change
   * then replaced.
   */
  @Test
  void aConcurrentChangeAndLockNeverBothWinAgainstTheSameVersion() throws Exception {
    int iterations = 20;
    int lockFirst = 0;
    int changeFirst = 0;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < iterations; i++) {
        String serial = registered(address("1 George Street", "AU", SYDNEY_LAT, SYDNEY_LON));
        String rma = unique("RMA-2026");
        Map<String, Object> changed = address("7 Race Street", "AU", SYDNEY_LAT, SYDNEY_LON);
        CyclicBarrier start = new CyclicBarrier(2);
        Future<Response> change =
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return put(serial, changed);
                });
        Future<Response> lock =
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return lock(serial, rma);
                });
        Response changeAnswer = change.get(30, TimeUnit.SECONDS);
        Response lockAnswer = lock.get(30, TimeUnit.SECONDS);
        Response site = as(TestTokens.ops()).get("/api/v1/sites/" + serial);

        assertEquals(200, lockAnswer.statusCode(), "the lock itself never fails");
        int lockedVersion = lockAnswer.path("version");
        int finalVersion = site.path("version");
        assertEquals(finalVersion, lockedVersion, "the lock holds the site's current version");
        assertEquals(rma, site.path("lock.rmaNumber"));
        if (changeAnswer.statusCode() == 200) {
          changeFirst++;
          assertEquals(2, lockedVersion);
          assertEquals("7 Race Street", lockAnswer.path("address.line1"));
          assertEquals(3, events.siteChanges(serial).size());
        } else if (changeAnswer.statusCode() == 409) {
          lockFirst++;
          assertEquals("ADDRESS_LOCKED", changeAnswer.path("code"));
          assertEquals(rma, changeAnswer.path("rmaNumber"));
          assertEquals(1, lockedVersion);
          assertEquals("1 George Street", site.path("address.line1"));
          assertEquals(2, events.siteChanges(serial).size());
        } else {
          fail("unexpected answer to the change: " + changeAnswer.asString());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(iterations, lockFirst + changeFirst);
    System.out.printf("race: lock first %d, change first %d%n", lockFirst, changeFirst);
  }

  private String registered(Map<String, Object> address) {
    String serial = unique("SN");
    put(serial, address).then().statusCode(200).body("version", equalTo(1));
    return serial;
  }

  private static Response put(String serial, Map<String, Object> address) {
    return as(TestTokens.ops()).body(address).put("/api/v1/sites/" + serial + "/address");
  }

  private static Response lock(String serial, String rma) {
    return as(TestTokens.service())
        .body(Map.of("rmaNumber", rma))
        .post("/api/v1/sites/" + serial + "/lock");
  }

  private static Response unlock(String serial, String rma) {
    return as(TestTokens.service()).delete("/api/v1/sites/" + serial + "/lock/" + rma);
  }
}
