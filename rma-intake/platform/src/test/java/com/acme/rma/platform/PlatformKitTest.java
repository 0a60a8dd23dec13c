package com.acme.rma.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformKitTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Inject ProbeConsumer consumer;

  private static final String PROBLEM = "application/problem+json";

  @Test
  void answersMissingTokenWith401Problem() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"colour\":\"RED\",\"name\":\"a\"}")
        .post("/probe")
        .then()
        .statusCode(401)
        .contentType(PROBLEM)
        .body("code", equalTo("UNAUTHENTICATED"))
        .body("status", equalTo(401));
  }

  @Test
  void answersTokenFromUntrustedKeyWith401Problem() {
    given()
        .auth()
        .oauth2(TestTokens.signedByStranger())
        .contentType(ContentType.JSON)
        .body("{\"colour\":\"RED\",\"name\":\"a\"}")
        .post("/probe")
        .then()
        .statusCode(401)
        .contentType(PROBLEM)
        .body("code", equalTo("UNAUTHENTICATED"));
  }

  @Test
  void answersWrongRoleWith403Problem() {
    given()
        .auth()
        .oauth2(TestTokens.logistics())
        .contentType(ContentType.JSON)
        .body("{\"colour\":\"RED\",\"name\":\"a\"}")
        .post("/probe")
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("code", equalTo("FORBIDDEN"));
  }

  @Test
  void tellsEndCustomersToContactTheirReseller() {
    given()
        .auth()
        .oauth2(TestTokens.customer())
        .contentType(ContentType.JSON)
        .body("{\"colour\":\"RED\",\"name\":\"a\"}")
        .post("/probe")
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("code", equalTo("CONTACT_YOUR_RESELLER"))
        .body("detail", containsString("reseller"));
  }

  @Test
  void answersMalformedJsonWith400Problem() {
    post("{\"colour\": \"RED\", ").statusCode(400).body("code", equalTo("MALFORMED_JSON"));
  }

  @Test
  void answersUnknownEnumValueWith400NamingTheField() {
    post("{\"colour\":\"PURPLE\",\"name\":\"a\"}")
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem("colour"));
  }

  @Test
  void answersWrongTypeWith400NamingTheField() {
    post("{\"colour\":\"RED\",\"name\":\"a\",\"at\":\"yesterday\"}")
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem("at"));
  }

  @Test
  void answersMissingAndNestedFieldsWith400Violations() {
    post("{\"name\":\"far-too-long-name\",\"nested\":{\"country\":\"\"}}")
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem("colour"))
        .body("violations.field", hasItem("name"))
        .body("violations.field", hasItem("nested.country"));
  }

  @Test
  void answersJsonOfTheWrongShapeWith400Problem() {
    post("[]").statusCode(400).body("code", equalTo("MALFORMED_JSON"));
    post("{\"colour\":\"RED\",\"name\":{}}")
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", hasItem("name"));
  }

  @Test
  void answersEmptyBodyWith400() {
    post("").statusCode(400).contentType(PROBLEM);
  }

  @Test
  void acceptsRfc3339InstantsWithAnOffsetAndAnswersInUtc() {
    post("{\"colour\":\"RED\",\"name\":\"x\",\"at\":\"2026-05-01T10:00:00+09:00\"}")
        .statusCode(200)
        .body("at", equalTo("2026-05-01T01:00:00Z"));
  }

  @Test
  void answersOversizedBodyWith413Problem() {
    String big = "{\"colour\":\"RED\",\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
    post(big).statusCode(413).contentType(PROBLEM).body("code", equalTo("PAYLOAD_TOO_LARGE"));
  }

  @Test
  void answersUnknownPathWith404Problem() {
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .get("/nothing-here")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("code", equalTo("NOT_FOUND"));
  }

  @Test
  void answersWrongMediaTypeWith415Problem() {
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .contentType(ContentType.TEXT)
        .body("colour=RED")
        .post("/probe")
        .then()
        .statusCode(415)
        .contentType(PROBLEM);
  }

  @Test
  void carriesProblemExtensionsSuchAsTheConflictingThing() {
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .post("/probe/conflict/abc")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("code", equalTo("THING_LOCKED"))
        .body("thing", equalTo("abc"))
        .body("type", notNullValue())
        .body("trace", not(notNullValue()));
  }

  @Test
  void relaysOutboxEventsToKafkaAsBinaryCloudEventsKeyedByAggregate() {
    String name = "n" + UUID.randomUUID().toString().substring(0, 8);
    post("{\"colour\":\"GREEN\",\"name\":\"" + name + "\"}").statusCode(200);

    List<ConsumerRecord<String, String>> records =
        new KafkaTestClient(bootstrap)
            .readUntil(
                "platform.probe.out",
                seen -> seen.stream().anyMatch(r -> name.equals(r.key())),
                Duration.ofSeconds(20));
    ConsumerRecord<String, String> record =
        records.stream().filter(r -> name.equals(r.key())).findFirst().orElseThrow();
    assertEquals("1.0", KafkaTestClient.header(record, "ce_specversion"));
    assertEquals("probe.accepted.v1", KafkaTestClient.header(record, "ce_type"));
    assertEquals("/platform-test", KafkaTestClient.header(record, "ce_source"));
    assertEquals("application/json", KafkaTestClient.header(record, "content-type"));
    assertTrue(KafkaTestClient.header(record, "ce_id").length() > 10);
    assertTrue(KafkaTestClient.header(record, "ce_time").endsWith("Z"));
    assertTrue(record.value().contains("\"colour\":\"GREEN\""), record.value());
  }

  @Test
  void carriesTheRequestsTraceThroughTheOutboxAsTheTraceparentHeader() {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String name = "t" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
        .contentType(ContentType.JSON)
        .body("{\"colour\":\"RED\",\"name\":\"" + name + "\"}")
        .post("/probe")
        .then()
        .statusCode(200);

    ConsumerRecord<String, String> record =
        new KafkaTestClient(bootstrap)
                .readUntil(
                    "platform.probe.out",
                    seen -> seen.stream().anyMatch(r -> name.equals(r.key())),
                    Duration.ofSeconds(20))
                .stream()
                .filter(r -> name.equals(r.key()))
                .findFirst()
                .orElseThrow();
    String traceparent = KafkaTestClient.header(record, "traceparent");
    assertNotNull(traceparent, "the record carries the trace");
    assertTrue(traceparent.startsWith("00-" + traceId + "-"), traceparent);
    assertFalse(
        traceparent.contains("00f067aa0ba902b7"), "a span of the service, not the caller's");
  }

  @Test
  void consumerContinuesTheTraceOfTheRecordWithItsIdsInTheMdc() {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String name = "traced-" + UUID.randomUUID().toString().substring(0, 6);
    new KafkaTestClient(bootstrap)
        .send(
            "platform.probe",
            "k",
            "{\"name\":\"" + name + "\",\"rmaNumber\":\"RMA-2026-000042\"}",
            Map.of(
                "ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/test",
                "ce_type", "probe.ping.v1",
                "traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> consumer.applied().contains(name));
    assertEquals(traceId, consumer.traceIds().get(name));
    Map<String, Object> mdc = consumer.mdcs().get(name);
    assertEquals(traceId, mdc.get("traceId"));
    assertNotNull(mdc.get("spanId"));
    assertEquals("RMA-2026-000042", mdc.get("rmaNumber"));
  }

  @Test
  void appliesAnEventOnceAndSendsPoisonToTheDeadLetterTopicWithoutStopping() {
    KafkaTestClient kafka = new KafkaTestClient(bootstrap);
    String id = UUID.randomUUID().toString();
    Map<String, String> headers =
        Map.of(
            "ce_specversion", "1.0",
            "ce_id", id,
            "ce_source", "/test",
            "ce_type", "probe.ping.v1");
    String name = "ping-" + id.substring(0, 6);
    kafka.send("platform.probe", "k", "{\"name\":\"" + name + "\"}", headers);
    kafka.send("platform.probe", "k", "{\"name\":\"" + name + "\"}", headers); // duplicate
    kafka.send("platform.probe", "k", "not json at all", headers); // poison
    String after = "after-" + id.substring(0, 6);
    kafka.sendCloudEvent(
        "platform.probe", "k", "probe.ping.v1", "/test", "{\"name\":\"" + after + "\"}");

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> consumer.applied().contains(after));
    assertEquals(1, consumer.applied().stream().filter(name::equals).count());
    List<ConsumerRecord<String, String>> dead =
        kafka.readUntil(
            "platform.dlq",
            seen -> seen.stream().anyMatch(r -> "not json at all".equals(r.value())),
            Duration.ofSeconds(20));
    ConsumerRecord<String, String> poison =
        dead.stream().filter(r -> "not json at all".equals(r.value())).findFirst().orElseThrow();
    assertTrue(
        KafkaTestClient.header(poison, "dead-letter-reason").contains("not a valid Ping"),
        KafkaTestClient.header(poison, "dead-letter-reason"));
    // the poison went alone: the valid records of its batch were applied, not dead-lettered
    assertTrue(
        dead.stream().noneMatch(r -> r.value() != null && r.value().contains(id.substring(0, 6))),
        "a valid record of the poison's batch was dead-lettered");
  }

  @Test
  void appliesABatchTogetherAndADuplicateInsideItOnce() {
    KafkaTestClient kafka = new KafkaTestClient(bootstrap);
    String run = UUID.randomUUID().toString().substring(0, 6);
    String id = UUID.randomUUID().toString();
    Map<String, String> headers =
        Map.of(
            "ce_specversion", "1.0",
            "ce_id", id,
            "ce_source", "/test",
            "ce_type", "probe.ping.v1");
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      names.add("batch-" + run + "-" + i);
      kafka.sendCloudEvent(
          "platform.probe",
          "b" + i,
          "probe.ping.v1",
          "/test",
          "{\"name\":\"" + names.get(i) + "\"}");
      if (i == 25) {
        String twice = "twice-" + run;
        kafka.send("platform.probe", "b", "{\"name\":\"" + twice + "\"}", headers);
        kafka.send("platform.probe", "b", "{\"name\":\"" + twice + "\"}", headers); // same ce_id
      }
    }

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> consumer.applied().containsAll(names));
    assertEquals(1, consumer.applied().stream().filter(("twice-" + run)::equals).count());
    assertEquals(50, consumer.applied().stream().filter(n -> n.startsWith("batch-" + run)).count());
  }

  private io.restassured.response.ValidatableResponse post(String body) {
    return given()
        .auth()
        .oauth2(TestTokens.ops())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/probe")
        .then()
        .contentType(containsString("json"));
  }
}
