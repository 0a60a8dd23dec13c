package com.acme.rma.platform.consume;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.platform.ProbeConsumer;
import com.acme.rma.testsupport.DatabaseOutage;
import com.acme.rma.testsupport.KafkaTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The database goes down while records arrive: nothing is dead-lettered, the consumer stalls in
 * order and says so in readiness, and applies every record once the database is back.
 */
@QuarkusTest
class DatabaseOutageConsumptionTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  String password;

  @Inject ProbeConsumer consumer;
  @Inject MeterRegistry metrics;

  @Test
  void
      recordsArrivingWhileTheDatabaseIsDownAreAppliedInOrderAfterItComesBackAndNoneIsDeadLettered() {
    KafkaTestClient kafka = new KafkaTestClient(bootstrap);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String first = "outage-1-" + run;
    String second = "outage-2-" + run;
    double retriesBefore = retries();

    try (DatabaseOutage outage = DatabaseOutage.begin(jdbcUrl, user, password)) {
      // the same key: one partition, so the second must wait for the first
      kafka.sendCloudEvent(
          "platform.probe", run, "probe.ping.v1", "/test", "{\"name\":\"" + first + "\"}");
      kafka.sendCloudEvent(
          "platform.probe", run, "probe.ping.v1", "/test", "{\"name\":\"" + second + "\"}");

      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 3);
      given()
          .get("/q/health/ready")
          .then()
          .statusCode(503)
          .body(org.hamcrest.Matchers.containsString("event-consumers"))
          .body(org.hamcrest.Matchers.containsString("stalled since"));
      given().get("/q/health/live").then().statusCode(200);
      assertTrue(!consumer.applied().contains(first), "applied while the database was down");
    }

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> consumer.applied().contains(second));
    List<String> applied = consumer.applied();
    assertTrue(applied.indexOf(first) < applied.indexOf(second), "out of order: " + applied);
    assertEquals(1, applied.stream().filter(first::equals).count());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

    List<ConsumerRecord<String, String>> dead =
        kafka.readToEnd("platform.dlq", Duration.ofSeconds(20));
    assertTrue(
        dead.stream().noneMatch(r -> r.value() != null && r.value().contains(run)),
        "a valid record was dead-lettered during the outage");
  }

  private double retries() {
    var counter = metrics.find("rma.consumer.retries").tag("channel", "probe").counter();
    return counter == null ? 0 : counter.count();
  }
}
