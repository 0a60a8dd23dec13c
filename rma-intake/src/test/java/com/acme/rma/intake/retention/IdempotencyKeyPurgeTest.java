package com.acme.rma.intake.retention;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.intake.application.PurgeIdempotencyKeys;
import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.testsupport.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyKeyPurgeTest {

  @Inject MutableClock clock;
  @Inject PurgeIdempotencyKeys purge;
  @Inject EntityManager em;

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  @Test
  void keysOlderThanTheRetentionAreForgottenAndYoungerOnesStillAnswerTheFirstRma() {
    // inside the fixtures' contracts; a Monday, 10:00 in Tokyo
    Instant t0 = Instant.parse("2027-03-01T01:00:00Z");
    clock.set(t0);
    String partner = Fixtures.partner();
    String oldKey = Fixtures.key();
    Map<String, Object> oldRequest = Fixtures.request(Fixtures.appliance(partner, "GOLD"));
    String oldRma =
        Fixtures.postRma(partner, oldKey, oldRequest).statusCode(201).extract().path("rmaNumber");
    clock.set(t0.plus(Duration.ofDays(1)));
    String youngKey = Fixtures.key();
    Map<String, Object> youngRequest = Fixtures.request(Fixtures.appliance(partner, "GOLD"));
    String youngRma =
        Fixtures.postRma(partner, youngKey, youngRequest)
            .statusCode(201)
            .extract()
            .path("rmaNumber");

    clock.set(t0.plus(Duration.ofDays(7)).minusSeconds(1));
    purge.purgeExpired();
    assertTrue(stored(partner, oldKey), "stored less than 7 days ago: kept");
    Fixtures.postRma(partner, oldKey, oldRequest)
        .statusCode(201)
        .body("rmaNumber", equalTo(oldRma)); // a retry still gets the first answer

    clock.set(t0.plus(Duration.ofDays(7)).plusSeconds(1));
    assertTrue(purge.purgeExpired() >= 1);
    assertEquals(false, stored(partner, oldKey), "stored more than 7 days ago: forgotten");
    assertTrue(stored(partner, youngKey));
    Fixtures.postRma(partner, youngKey, youngRequest)
        .statusCode(201)
        .body("rmaNumber", equalTo(youngRma));
  }

  @Test
  void aRetentionShorterThan24HoursIsRefused() {
    Clock utc = Clock.systemUTC();
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PurgeIdempotencyKeys(null, utc, Duration.ofHours(23)));
    assertTrue(refused.getMessage().contains("rma.idempotency.retention"), refused.getMessage());
    new PurgeIdempotencyKeys(null, utc, Duration.ofHours(24)); // the minimum is fine
  }

  private boolean stored(String partner, String key) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                            em.createNativeQuery(
                                    "select count(*) from idempotency_key"
                                        + " where partner_id = :partner and idem_key = :key")
                                .setParameter("partner", partner)
                                .setParameter("key", key)
                                .getSingleResult())
                        .longValue()
                    == 1);
  }
}
