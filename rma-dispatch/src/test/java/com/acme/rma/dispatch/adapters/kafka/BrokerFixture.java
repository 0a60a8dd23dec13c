package com.acme.rma.dispatch.adapters.kafka;

import static io.restassured.RestAssured.given;

import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.TestTokens;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/** Produces records the way intake and logistics systems do, and waits for their effects. */
final class BrokerFixture {

  static final String LIFECYCLE = "rma.lifecycle";
  static final String CARRIER_EVENTS = "logistics.carrier-events";
  static final String DLQ = "rma-dispatch.dlq";
  static final Duration PATIENCE = Duration.ofSeconds(30);

  final KafkaTestClient kafka;

  BrokerFixture(String bootstrap) {
    this.kafka = new KafkaTestClient(bootstrap);
  }

  /** Sends a binary-mode CloudEvent with the given id (so tests can send true duplicates). */
  String send(String topic, String key, String ceId, String ceType, String source, String json) {
    kafka.send(
        topic,
        key,
        json,
        Map.of(
            "ce_specversion",
            "1.0",
            "ce_id",
            ceId,
            "ce_source",
            source,
            "ce_type",
            ceType,
            "ce_time",
            "2026-05-01T01:00:00Z",
            "content-type",
            "application/json"));
    return ceId;
  }

  String sendLifecycle(String rma, String ceType, String json) {
    return send(LIFECYCLE, rma, UUID.randomUUID().toString(), ceType, "/rma-intake", json);
  }

  String sendCarrier(String key, String ceId, String json) {
    return send(CARRIER_EVENTS, key, ceId, "logistics.carrier.status.v1", "/logistics-test", json);
  }

  List<ConsumerRecord<String, String>> awaitDeadLetters(
      Predicate<ConsumerRecord<String, String>> each, int count) {
    return kafka.readUntil(DLQ, seen -> seen.stream().filter(each).count() >= count, PATIENCE);
  }

  static ValidatableResponse read(String rma) {
    return given().auth().oauth2(TestTokens.ops()).get("/api/v1/shipments/{rma}", rma).then();
  }

  /** Waits until the shipment exists and is in the given status. */
  static void awaitStatus(String rma, String status) {
    Awaitility.await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              var response =
                  given().auth().oauth2(TestTokens.ops()).get("/api/v1/shipments/{rma}", rma);
              return response.statusCode() == 200
                  && status.equals(response.jsonPath().getString("status"));
            });
  }

  static String ceId(ConsumerRecord<?, ?> record) {
    return KafkaTestClient.header(record, "ce_id");
  }

  static String reason(ConsumerRecord<?, ?> record) {
    return KafkaTestClient.header(record, "dead-letter-reason");
  }
}
