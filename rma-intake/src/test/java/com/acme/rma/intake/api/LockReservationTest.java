package com.acme.rma.intake.api;

import static com.acme.rma.intake.support.Fixtures.postRma;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.intake.application.ReconcileLockReservations;
import com.acme.rma.intake.application.ReservationStore;
import com.acme.rma.intake.domain.Reservation;
import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.intake.support.Outboxes;
import com.acme.rma.intake.support.RegistryStub;
import com.acme.rma.intake.support.RegistryStubClient;
import com.acme.rma.platform.outbox.OutboxEvent;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Locks that heal: the RMA number is reserved under the idempotency key before the registry locks
 * the site for it, a retry with the same key reuses it, and a reservation that never became an RMA
 * has its lock released by the reconciler after the grace period — never the lock of a stored RMA.
 */
@QuarkusTest
class LockReservationTest {

  private static final String ABANDONED = "rma.reservation.abandoned.v1";

  @Inject MutableClock clock;
  @Inject ReconcileLockReservations reconciler;
  @Inject ReservationStore reservations;
  @Inject ObjectMapper mapper;

  @ConfigProperty(name = RegistryStub.URL_PROPERTY)
  String registryUrl;

  @ConfigProperty(name = "rma.intake.lock-reconcile.after")
  Duration grace;

  private RegistryStubClient registry;
  private String partner;
  private String serial;
  private Map<String, Object> body;

  @BeforeEach
  void goldPlusAppliance() {
    clock.set(Fixtures.FRIDAY_MORNING);
    registry = new RegistryStubClient(registryUrl);
    partner = Fixtures.partner();
    serial = Fixtures.appliance(partner, "GOLD_PLUS");
    body = Fixtures.request(serial, "FAN", null);
  }

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  @Test
  void aLockAppliedAfterIntakeGaveUpBelongsToTheRetryWithTheSameKeyWhichGetsThatRma() {
    String key = Fixtures.key();
    String locked = lockAppliedTooLate(key);
    Fixtures.get(TestTokens.ops(), locked).statusCode(404); // reserved, not (yet) an RMA

    answerInTime();
    String number =
        postRma(partner, key, body)
            .statusCode(201)
            .body("serviceLevel", equalTo("GOLD_PLUS"))
            .body("serviceCenterId", equalTo("SC-TYO-1"))
            .extract()
            .path("rmaNumber");

    assertEquals(locked, number, "the RMA is the one the registry locked for");
    assertEquals(number, registry.site(serial).get("holder"));
    assertTrue(registry.calls(serial, "DELETE").isEmpty(), "nothing released");
    assertEquals(1, Outboxes.rows(number, "rma.authorized.v1").size());
    assertEquals(Reservation.Status.COMMITTED, reservations.find(number).orElseThrow().status());
    postRma(partner, key, body).statusCode(201).body("rmaNumber", equalTo(number));
  }

  @Test
  void aReservationThatNeverBecameAnRmaIsGivenUpAfterTheGracePeriodAndTheKeyStartsOver() {
    String key = Fixtures.key();
    String phantom = lockAppliedTooLate(key);
    answerInTime();

    clock.set(Fixtures.FRIDAY_MORNING.plus(grace).minusNanos(1000));
    reconciler.reconcile();
    assertTrue(Outboxes.rows(phantom, ABANDONED).isEmpty(), "still within the grace period");
    assertEquals(Reservation.Status.PENDING, reservations.find(phantom).orElseThrow().status());

    clock.set(Fixtures.FRIDAY_MORNING.plus(grace));
    reconciler.reconcile();
    reconciler.reconcile();
    List<OutboxEvent> released = Outboxes.rows(phantom, ABANDONED);
    assertEquals(1, released.size(), "announced once, on rma.lifecycle keyed by the number");
    assertEquals("rma.lifecycle", released.get(0).topic);
    JsonNode payload = json(released.get(0).payload);
    assertEquals(phantom, payload.get("rmaNumber").asText());
    assertEquals(serial, payload.get("serialNumber").asText());
    assertEquals(Reservation.Status.ABANDONED, reservations.find(phantom).orElseThrow().status());

    // the stub does not read rma.lifecycle, so it still holds the phantom's lock: the retry with
    // the same key starts over with a new number and releases the abandoned number's lock first
    String number =
        postRma(partner, key, body)
            .statusCode(201)
            .body("serviceLevel", equalTo("GOLD_PLUS"))
            .extract()
            .path("rmaNumber");
    assertNotEquals(phantom, number);
    assertEquals(number, registry.site(serial).get("holder"));
    assertTrue(
        registry.calls(serial, "DELETE").stream()
            .anyMatch(c -> ((String) c.get("path")).endsWith("/lock/" + phantom)));
    Fixtures.get(TestTokens.ops(), phantom).statusCode(404);
  }

  @Test
  void theReconcilerNeverReleasesTheLockOfAStoredRma() {
    registry.register(serial, RegistryStubClient.eligibleSite());
    String number =
        postRma(partner, Fixtures.key(), body).statusCode(201).extract().path("rmaNumber");

    clock.set(Fixtures.FRIDAY_MORNING.plus(grace).plus(Duration.ofDays(3)));
    reconciler.reconcile();

    assertTrue(Outboxes.rows(number, ABANDONED).isEmpty());
    assertEquals(number, registry.site(serial).get("holder"));
    assertTrue(registry.calls(serial, "DELETE").isEmpty());
    assertEquals(Reservation.Status.COMMITTED, reservations.find(number).orElseThrow().status());
  }

  @Test
  void aRequestThatOutlivesTheGracePeriodStoresNothingUnderItsAbandonedNumber() throws Exception {
    Map<String, Object> site = RegistryStubClient.eligibleSite();
    site.put("lateMillis", 1500); // locks, then answers just within the client's read timeout
    registry.register(serial, site);
    String key = Fixtures.key();
    CompletableFuture<ValidatableResponse> request =
        CompletableFuture.supplyAsync(() -> postRma(partner, key, body));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> registry.site(serial).get("holder") != null);
    String locked = (String) registry.site(serial).get("holder");

    clock.set(Fixtures.FRIDAY_MORNING.plus(grace));
    reconciler.reconcile(); // gives the number up while the request waits for the registry

    request
        .get(30, TimeUnit.SECONDS)
        .statusCode(503)
        .header("Retry-After", "5")
        .body("code", equalTo("DEPENDENCY_UNAVAILABLE"));
    assertEquals(0, rmasOfTheAppliance());
    assertEquals(1, Outboxes.rows(locked, ABANDONED).size());
    assertTrue(Outboxes.rows(locked, "rma.authorized.v1").isEmpty());
  }

  @Test
  void aRequestWithAnotherBodyUnderAPendingKeyIsRefusedAsAReusedKey() {
    String key = Fixtures.key();
    lockAppliedTooLate(key);
    postRma(partner, key, Fixtures.request(serial, "DISK", null))
        .statusCode(422)
        .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
  }

  /** A Gold Plus request whose lock the registry applies but answers too late: 503. */
  private String lockAppliedTooLate(String key) {
    Map<String, Object> site = RegistryStubClient.eligibleSite();
    site.put("lateMillis", 2500); // longer than the client's read timeout, on every attempt
    registry.register(serial, site);
    postRma(partner, key, body)
        .statusCode(503)
        .header("Retry-After", "5")
        .body("code", equalTo("DEPENDENCY_UNAVAILABLE"));
    String locked = (String) registry.site(serial).get("holder");
    assertNotNull(locked, "the registry applied the lock");
    assertEquals(0, rmasOfTheAppliance());
    assertEquals(Reservation.Status.PENDING, reservations.find(locked).orElseThrow().status());
    return locked;
  }

  /** The registry answers in time again; it keeps the lock it holds. */
  private void answerInTime() {
    Map<String, Object> site = registry.site(serial);
    site.remove("lateMillis");
    registry.register(serial, site);
  }

  private int rmasOfTheAppliance() {
    return given()
        .auth()
        .oauth2(TestTokens.ops())
        .queryParam("serialNumber", serial)
        .get("/api/v1/rmas")
        .then()
        .statusCode(200)
        .extract()
        .path("total");
  }

  private JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
