package com.acme.rma.monitor;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * rules.md §7 "within about a second of the moment": real time, real broker. Each breach alert's
 * Kafka record timestamp (set when the relay sends it) is compared with the clock's dueAt.
 */
@QuarkusTest
class AlertDelayTest {

  private static final int CLOCKS = 6;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Inject MutableClock clock;

  @BeforeEach
  void realTime() {
    // measured against the broker's record timestamps: real time, whatever the test base
    clock.useRealTime();
  }

  @AfterEach
  void systemTime() {
    clock.useSystemTime();
  }

  @Test
  void everyBreachReachesKafkaWithinOneSecondOfItsDeadlineWithoutAnyEvent() {
    KafkaTestClient kafka = new KafkaTestClient(bootstrap);
    // the authorizations must be consumed before their deadlines for the timer to be measured:
    // first make sure the consumer is up (its group joined) with one clock
    String warmUp = Fixtures.newRmaNumber();
    kafka.sendCloudEvent(
        "rma.lifecycle",
        warmUp,
        "rma.authorized.v1",
        "/rma-intake",
        Fixtures.authorized(warmUp, "GOLD", Instant.now()));
    await().atMost(Duration.ofSeconds(60)).until(() -> exists(warmUp));

    Map<String, Instant> dueAt = new LinkedHashMap<>();
    for (int i = 0; i < CLOCKS; i++) {
      String rma = Fixtures.newRmaNumber();
      // Gold Plus: due 4 hours after authorization, i.e. 6 s + i × 0.37 s after it is sent
      Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(6000 + i * 370L);
      Instant authorizedAt = due.minus(Duration.ofHours(4));
      dueAt.put(rma, due);
      kafka.sendCloudEvent(
          "rma.lifecycle",
          rma,
          "rma.authorized.v1",
          "/rma-intake",
          Fixtures.authorized(rma, "GOLD_PLUS", authorizedAt));
    }

    Instant firstDue = dueAt.values().stream().min(Instant::compareTo).orElseThrow();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> dueAt.keySet().stream().allMatch(this::exists));
    assertTrue(
        Instant.now().isBefore(firstDue),
        "the authorizations were consumed only after their deadlines: the consumer lags");

    List<ConsumerRecord<String, String>> records =
        kafka.readUntil(
            "sla.alerts", seen -> breaches(seen, dueAt).size() == CLOCKS, Duration.ofSeconds(30));
    Map<String, ConsumerRecord<String, String>> breaches = breaches(records, dueAt);

    List<Long> delays = new ArrayList<>();
    for (Map.Entry<String, Instant> clock : dueAt.entrySet()) {
      ConsumerRecord<String, String> record = breaches.get(clock.getKey());
      long delay = record.timestamp() - clock.getValue().toEpochMilli();
      delays.add(delay);
      assertEquals(
          clock.getValue().toString(),
          Fixtures.parse(record.value()).get("occurredAt").asText(),
          "the alert names the moment, not the firing time");
      assertTrue(delay >= 0, "fired " + (-delay) + " ms before its deadline");
      assertTrue(delay < 1000, "fired " + delay + " ms after its deadline");
    }
    System.out.printf(
        "SLA breach alert delay deadline -> Kafka record (ms): %s; max %d%n",
        delays.stream().map(String::valueOf).collect(Collectors.joining(", ")),
        delays.stream().mapToLong(Long::longValue).max().orElseThrow());
  }

  private boolean exists(String rma) {
    return given().auth().oauth2(TestTokens.ops()).get("/api/v1/slas/{n}", rma).statusCode() == 200;
  }

  private static Map<String, ConsumerRecord<String, String>> breaches(
      List<ConsumerRecord<String, String>> records, Map<String, Instant> wanted) {
    return records.stream()
        .filter(r -> wanted.containsKey(r.key()))
        .filter(r -> "sla.breached.v1".equals(KafkaTestClient.header(r, "ce_type")))
        .collect(Collectors.toMap(ConsumerRecord::key, r -> r, (a, b) -> a));
  }
}
