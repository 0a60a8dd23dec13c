package com.acme.rma.intake.api;

import static org.hamcrest.Matchers.equalTo;

import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-partner rate limit on {@code POST /api/v1/rmas} as partners meet it (defaults: burst 40,
 * 20/s), on the service's fixed clock. The requests name unknown appliances, so each is cheap (404)
 * once past the limit.
 */
@QuarkusTest
class RateLimitApiTest {

  @Inject MutableClock clock;

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  @Test
  void beyondTheBurstAPartnerIsAnswered429WithRetryAfterAndOthersAreNot() {
    clock.set(Fixtures.FRIDAY_MORNING);
    String partner = Fixtures.partner();
    for (int i = 0; i < 40; i++) {
      Fixtures.postRma(partner, Fixtures.key(), Fixtures.request(Fixtures.serial("SN-RL")))
          .statusCode(404);
    }
    Fixtures.postRma(partner, Fixtures.key(), Fixtures.request(Fixtures.serial("SN-RL")))
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", "1")
        .body("code", equalTo("RATE_LIMITED"));
    Fixtures.postRma(Fixtures.partner(), Fixtures.key(), Fixtures.request(Fixtures.serial("SN-RL")))
        .statusCode(404);

    clock.advance(Duration.ofMillis(100)); // two requests' worth at 20/s
    Fixtures.postRma(partner, Fixtures.key(), Fixtures.request(Fixtures.serial("SN-RL")))
        .statusCode(404);
  }
}
