package com.acme.rma.intake.api;

import static com.acme.rma.intake.support.Fixtures.postRma;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.intake.support.Outboxes;
import com.acme.rma.testsupport.DatabaseOutage;
import com.acme.rma.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** While intake's own database is down, a request is refused with 503 and nothing is written. */
@QuarkusTest
class DatabaseOutageTest {

  @Inject MutableClock clock;

  /**
   * The fixtures' contract runs 2026–2027: the RMA is requested on a day inside it, whatever today.
   */
  @BeforeEach
  void fixedTime() {
    clock.set(Fixtures.FRIDAY_MORNING);
  }

  @AfterEach
  void systemTime() {
    clock.useSystemTime();
  }

  @Test
  void answers503WithRetryAfterWhileTheDatabaseIsDownAndTheRetryWithTheSameKeySucceedsAfterwards() {
    String partner = Fixtures.partner();
    String serial = Fixtures.appliance(partner, "GOLD");
    Map<String, Object> body = Fixtures.request(serial);
    String key = Fixtures.key();

    DatabaseOutage outage = DatabaseOutage.begin();
    try {
      long started = System.nanoTime();
      postRma(partner, key, body)
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", equalTo("5"))
          .body("code", equalTo("DEPENDENCY_UNAVAILABLE"))
          .body("status", equalTo(503));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "answered within 30 s: " + took);
    } finally {
      outage.close();
    }

    String number =
        postRma(partner, key, body)
            .statusCode(201)
            .body("serialNumber", equalTo(serial))
            .extract()
            .path("rmaNumber");
    postRma(partner, key, body).statusCode(201).body("rmaNumber", equalTo(number));
    assertTrue(Outboxes.rows(number, "rma.authorized.v1").size() == 1);
  }
}
