package com.acme.rma.dispatch.adapters;

import static com.acme.rma.dispatch.TestData.TOKYO;
import static com.acme.rma.dispatch.TestData.newRmaNumber;
import static com.acme.rma.dispatch.TestData.order;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.dispatch.adapters.kafka.CarrierEventProbe;
import com.acme.rma.dispatch.application.CreateShipment;
import com.acme.rma.dispatch.domain.ServiceLevel;
import com.acme.rma.platform.inbox.PoisonEventException;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * The carrier's free text is checked in linear time on both paths (issue 13, ReDoS): the worst
 * input of the old pattern ({@code [^\p{Cntrl}]*[^\p{Cntrl}\s][^\p{Cntrl}]*}) — many visible
 * characters and a control character at the end — takes about 8 times as long for 8 times the
 * length, where the pattern took 64 times as long. A ratio, not an absolute time, so a slow machine
 * does not fail it.
 */
@QuarkusTest
class HostileTextTimingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Linear is 8; the quadratic pattern gave ~64. Generous for the noise of small times. */
  private static final double MAX_RATIO = 16;

  @Inject CreateShipment createShipment;
  @Inject CarrierEventProbe kafka;

  private static String hostile(int length) {
    return "a".repeat(length - 1) + "\u0001";
  }

  private static ObjectNode report(int carrierLength) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "SHIPPED");
    body.put("occurredAt", "2026-05-01T03:00:00Z");
    body.put("carrier", hostile(carrierLength));
    return body;
  }

  @Test
  void aHostileCarrierOverRestCostsLinearTime() {
    String rma = newRmaNumber();
    createShipment.create(order(rma, ServiceLevel.GOLD_PLUS, TOKYO));
    // the body limit is 64 KiB: 60,000 characters against 7,500
    IntConsumer post =
        length ->
            given()
                .auth()
                .oauth2(TestTokens.logistics())
                .contentType(ContentType.JSON)
                .body(report(length).toString())
                .post("/api/v1/shipments/{rma}/events", rma)
                .then()
                .statusCode(400);
    assertLinear(post, 7_500, 60_000);
  }

  @Test
  void aHostileCarrierOnKafkaCostsLinearTime() {
    String rma = newRmaNumber();
    IntConsumer consume =
        length -> {
          ObjectNode status = report(length);
          status.put("rmaNumber", rma);
          assertThrows(PoisonEventException.class, () -> kafka.apply(rma, status.toString()));
        };
    assertLinear(consume, 8 * 1024, 64 * 1024);
  }

  private static void assertLinear(IntConsumer run, int small, int large) {
    for (int i = 0; i < 2; i++) { // warm up the paths and the JIT
      run.accept(small);
    }
    long smallNanos = fastest(run, small);
    long largeNanos = fastest(run, large);
    double ratio = (double) largeNanos / smallNanos;
    assertTrue(
        ratio < MAX_RATIO,
        () ->
            "time for "
                + large
                + " characters / time for "
                + small
                + " = "
                + ratio
                + " ("
                + largeNanos / 1_000_000.0
                + " ms / "
                + smallNanos / 1_000_000.0
                + " ms): not linear");
  }

  private static long fastest(IntConsumer run, int length) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      run.accept(length);
      best = Math.min(best, System.nanoTime() - start);
    }
    return best;
  }
}
