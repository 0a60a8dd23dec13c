package com.acme.rma.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadLettersTest {

  private static final String BASE = "/api/v1/ops/dead-letters";
  private static final String PROBLEM = "application/problem+json";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Inject FlakyConsumer flaky;
  @Inject EntityManager em;

  @Test
  void aPoisonRecordIsListedWithItsReasonAndOriginalPlaceAndShownWithItsValue() {
    String ceId = UUID.randomUUID().toString();
    String key = "poison-" + ceId.substring(0, 8);
    kafka().send("platform.probe", key, "not json at all", cloudEvent(ceId, "/test"));

    Map<String, Object> entry = awaitEntry(ceId);
    ConsumerRecord<String, String> original =
        readToEnd("platform.probe").stream()
            .filter(r -> ceId.equals(KafkaTestClient.header(r, "ce_id")))
            .findFirst()
            .orElseThrow();
    assertEquals("platform.probe", entry.get("originalTopic"));
    assertEquals(original.partition(), entry.get("originalPartition"));
    assertEquals(original.offset(), ((Number) entry.get("originalOffset")).longValue());
    assertEquals(key, entry.get("key"));
    assertEquals("probe.ping.v1", entry.get("ceType"));
    assertEquals("/test", entry.get("ceSource"));
    assertTrue(((String) entry.get("reason")).contains("not a valid Ping"), entry.toString());
    assertNotNull(entry.get("timestamp"));
    assertNull(entry.get("replayedAt"));
    assertEquals(entry.get("partition") + "-" + entry.get("offset"), entry.get("id"));

    given()
        .auth()
        .oauth2(TestTokens.ops())
        .get(BASE + "/" + entry.get("id"))
        .then()
        .statusCode(200)
        .body("id", equalTo(entry.get("id")))
        .body("value", equalTo("not json at all"))
        .body("valueBytes", equalTo(15))
        .body("valueTruncated", equalTo(false))
        .body("reason", containsString("not a valid Ping"))
        .body("headers.name", hasItem("ce_id"))
        .body("headers.name", hasItem("dead-letter-reason"))
        .body("headers.find { it.name == 'ce_id' }.value", equalTo(ceId));
  }

  @Test
  void aReplayPutsTheEventBackOnceWithItsCloudEventIdAndTheFixedConsumerAppliesIt() {
    String ceId = UUID.randomUUID().toString();
    String name = "r-" + ceId.substring(0, 6);
    String key = "RMA-" + ceId.substring(0, 8);
    String value = "{\"name\":\"" + name + "\"}";
    flaky.refuse(name);
    kafka().send("platform.flaky", key, value, cloudEvent(ceId, "/carrier-x"));
    Map<String, Object> entry = awaitEntry(ceId);
    assertTrue(((String) entry.get("reason")).contains("refused by the test"), entry.toString());
    assertFalse(flaky.applied().contains(name));

    flaky.accept(name); // the fix is deployed
    String first = replay((String) entry.get("id")).getString("replayedAt");
    String second = replay((String) entry.get("id")).getString("replayedAt");
    assertNotNull(first);
    assertEquals(first, second, "the second replay finds the first one");

    Awaitility.await().atMost(WAIT).until(() -> flaky.applied().contains(name));
    Awaitility.await().atMost(WAIT).until(() -> outboxRows(ceId).equals(List.of(true)));
    List<ConsumerRecord<String, String>> copies =
        readToEnd("platform.flaky").stream()
            .filter(r -> ceId.equals(KafkaTestClient.header(r, "ce_id")))
            .toList();
    assertEquals(2, copies.size(), "the original and exactly one replayed copy");
    ConsumerRecord<String, String> copy = copies.get(1);
    assertEquals(key, copy.key());
    assertEquals(value, copy.value());
    assertEquals("/carrier-x", KafkaTestClient.header(copy, "ce_source"));
    assertEquals("probe.ping.v1", KafkaTestClient.header(copy, "ce_type"));
    assertEquals(1, flaky.applied().stream().filter(name::equals).count());
    assertEquals(first, findEntry(ceId).orElseThrow().get("replayedAt"));
  }

  @Test
  void replayingAllPutsBackEveryEventNotReplayedBeforeAndOnlyOnce() {
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    String nameA = "a-" + a.substring(0, 6);
    String nameB = "b-" + b.substring(0, 6);
    flaky.refuse(nameA);
    flaky.refuse(nameB);
    kafka().send("platform.flaky", "RMA-A", "{\"name\":\"" + nameA + "\"}", cloudEvent(a, "/t"));
    kafka().send("platform.flaky", "RMA-B", "{\"name\":\"" + nameB + "\"}", cloudEvent(b, "/t"));
    awaitEntry(a);
    awaitEntry(b);
    flaky.accept(nameA);
    flaky.accept(nameB);

    JsonPath all = replayAll();
    assertTrue(all.getList("replayed.ceId").contains(a), all.prettify());
    assertTrue(all.getList("replayed.ceId").contains(b), all.prettify());
    JsonPath again = replayAll();
    assertFalse(again.getList("replayed.ceId").contains(a), again.prettify());
    assertFalse(again.getList("replayed.ceId").contains(b), again.prettify());

    Awaitility.await()
        .atMost(WAIT)
        .until(() -> flaky.applied().contains(nameA) && flaky.applied().contains(nameB));
    Awaitility.await().atMost(WAIT).until(() -> outboxRows(a).equals(List.of(true)));
    Awaitility.await().atMost(WAIT).until(() -> outboxRows(b).equals(List.of(true)));
    List<ConsumerRecord<String, String>> records = readToEnd("platform.flaky");
    for (String ceId : List.of(a, b)) {
      assertEquals(
          2, records.stream().filter(r -> ceId.equals(KafkaTestClient.header(r, "ce_id"))).count());
    }
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .post(BASE + "/replay")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("violations.field", hasItem("all"));
  }

  @Test
  void aRecordThatIsNotACloudEventCannotBeReplayed() {
    String key = "bare-" + UUID.randomUUID().toString().substring(0, 8);
    kafka().send("platform.probe", key, "{\"name\":\"x\"}", Map.of());
    Map<String, Object> entry =
        Awaitility.await()
            .atMost(WAIT)
            .until(() -> findEntry(e -> key.equals(e.get("key"))), Optional::isPresent)
            .orElseThrow();
    assertTrue(((String) entry.get("reason")).contains("ce_id"), entry.toString());
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .post(BASE + "/" + entry.get("id") + "/replay")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("code", equalTo("DEAD_LETTER_NOT_REPLAYABLE"));
  }

  @Test
  void whatOpsReadOfADeadLetterNamesNoExceptionClassNorCode() {
    // through a consumer: the parser's message names a Java type, its failure class is recorded
    String typed = UUID.randomUUID().toString();
    kafka().send("platform.probe", "typed", "{\"name\":{\"first\":1}}", cloudEvent(typed, "/t"));
    Map<String, Object> parsed = awaitEntry(typed);
    assertTrue(
        ((String) parsed.get("reason")).contains("value of type `String` from Object value"),
        parsed.toString());
    assertNotNull(parsed.get("cause"));

    // as SmallRye writes a cause without a message (its toString), and as dead letters written
    // before the plain texts hold them
    String legacy = UUID.randomUUID().toString();
    Map<String, String> headers = new HashMap<>(cloudEvent(legacy, "/t"));
    headers.put("dead-letter-reason", "java.lang.IllegalStateException: no route for com.acme.X");
    headers.put("dead-letter-cause", "java.lang.NullPointerException");
    headers.put("dead-letter-exception-class-name", "java.lang.IllegalStateException");
    headers.put("dead-letter-cause-class-name", "java.lang.NullPointerException");
    headers.put("dead-letter-topic", "platform.probe");
    kafka().send("platform.dlq", "legacy", "{}", headers);
    Map<String, Object> old = awaitEntry(legacy);
    assertEquals("no route for X", old.get("reason"));
    assertNull(old.get("cause"));

    for (Map<String, Object> entry : List.of(parsed, old)) {
      String shown =
          given()
              .auth()
              .oauth2(TestTokens.ops())
              .get(BASE + "/" + entry.get("id"))
              .then()
              .statusCode(200)
              .body("headers.name", hasItem("dead-letter-reason"))
              .body("headers.name", not(hasItem("dead-letter-exception-class-name")))
              .extract()
              .asString();
      CausesTest.assertPlain(shown);
    }
    for (int page = 0; ; page++) {
      JsonPath listed =
          given()
              .auth()
              .oauth2(TestTokens.ops())
              .queryParam("page", page)
              .queryParam("size", 200)
              .get(BASE)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      CausesTest.assertPlain(listed.prettify());
      if (listed.getList("items").isEmpty()) {
        break;
      }
    }
  }

  @Test
  void anUnknownDeadLetterIs404Problem() {
    for (String id : List.of("0-999999999", "99-0", "abc", "1-")) {
      given()
          .auth()
          .oauth2(TestTokens.ops())
          .get(BASE + "/" + id)
          .then()
          .statusCode(404)
          .contentType(PROBLEM)
          .body("code", equalTo("DEAD_LETTER_NOT_FOUND"));
    }
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .post(BASE + "/0-999999999/replay")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("code", equalTo("DEAD_LETTER_NOT_FOUND"));
  }

  @Test
  void onlyOpsMayWorkDeadLetters() {
    for (String token :
        List.of(TestTokens.partner("P-1001"), TestTokens.logistics(), TestTokens.customer())) {
      given().auth().oauth2(token).get(BASE).then().statusCode(403).contentType(PROBLEM);
      given()
          .auth()
          .oauth2(token)
          .post(BASE + "/0-0/replay")
          .then()
          .statusCode(403)
          .contentType(PROBLEM);
    }
    given()
        .auth()
        .oauth2(TestTokens.partner("P-1001"))
        .get(BASE + "/0-0")
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN"));
    given().get(BASE).then().statusCode(401).contentType(PROBLEM);
  }

  @Test
  void theListIsPagedAndRefusesAPageLargerThan200() {
    String ceId = UUID.randomUUID().toString();
    kafka().send("platform.probe", "k", "not json either", cloudEvent(ceId, "/test"));
    awaitEntry(ceId);
    JsonPath first =
        given()
            .auth()
            .oauth2(TestTokens.ops())
            .queryParam("page", 0)
            .queryParam("size", 1)
            .get(BASE)
            .then()
            .statusCode(200)
            .body("items", hasSize(1))
            .body("page", equalTo(0))
            .body("size", equalTo(1))
            .extract()
            .jsonPath();
    assertTrue(first.getLong("total") >= 1);
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .queryParam("page", 1)
        .queryParam("size", 1)
        .get(BASE)
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(first.getString("items[0].id"))));
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .queryParam("size", 201)
        .get(BASE)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("size"));
  }

  @Test
  void countsDeadLettersPerChannelAndGaugesTheTopicSize() {
    // every dead-lettering channel is counted from start, at 0 if nothing failed yet
    assertTrue(metric("rma_dead_letters_total", "channel", "probe").isPresent());
    double before = metric("rma_dead_letters_total", "channel", "flaky").orElse(0.0);
    String ceId = UUID.randomUUID().toString();
    String name = "m-" + ceId.substring(0, 6);
    flaky.refuse(name);
    kafka().send("platform.flaky", "RMA-M", "{\"name\":\"" + name + "\"}", cloudEvent(ceId, "/t"));
    awaitEntry(ceId);
    assertEquals(
        before + 1, metric("rma_dead_letters_total", "channel", "flaky").orElseThrow(), 0.0);

    // the gauge catches up with what the topic holds (refreshed every second in tests)
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                metric("rma_dead_letters_topic_records", "topic", "platform.dlq")
                    .filter(v -> v == total())
                    .isPresent());
  }

  // ---------------------------------------------------------------- helpers

  private KafkaTestClient kafka() {
    return new KafkaTestClient(bootstrap);
  }

  private static Map<String, String> cloudEvent(String ceId, String source) {
    return Map.of(
        "ce_specversion", "1.0",
        "ce_id", ceId,
        "ce_source", source,
        "ce_type", "probe.ping.v1",
        "ce_time", "2026-05-01T01:00:00Z",
        "content-type", "application/json");
  }

  private JsonPath replay(String id) {
    return given()
        .auth()
        .oauth2(TestTokens.ops())
        .post(BASE + "/" + id + "/replay")
        .then()
        .statusCode(202)
        .contentType(containsString("json"))
        .body("id", equalTo(id))
        .extract()
        .jsonPath();
  }

  private JsonPath replayAll() {
    return given()
        .auth()
        .oauth2(TestTokens.ops())
        .queryParam("all", "true")
        .post(BASE + "/replay")
        .then()
        .statusCode(202)
        .extract()
        .jsonPath();
  }

  private long total() {
    return given()
        .auth()
        .oauth2(TestTokens.ops())
        .queryParam("size", 1)
        .get(BASE)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("total");
  }

  private Map<String, Object> awaitEntry(String ceId) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(() -> findEntry(ceId), Optional::isPresent)
        .orElseThrow();
  }

  private Optional<Map<String, Object>> findEntry(String ceId) {
    return findEntry(e -> ceId.equals(e.get("ceId")));
  }

  /** Pages through the whole listing, as ops would. */
  private Optional<Map<String, Object>> findEntry(
      java.util.function.Predicate<Map<String, Object>> match) {
    for (int page = 0; page < 100; page++) {
      JsonPath json =
          given()
              .auth()
              .oauth2(TestTokens.ops())
              .queryParam("page", page)
              .queryParam("size", 200)
              .get(BASE)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> items = json.getList("items");
      Optional<Map<String, Object>> found = items.stream().filter(match).findFirst();
      if (found.isPresent() || items.isEmpty()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** For each outbox row of this CloudEvent id: whether it is published. */
  private List<Boolean> outboxRows(String ceId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object> rows =
                  em.createNativeQuery(
                          "select published_at is not null from outbox_event where id = :id")
                      .setParameter("id", UUID.fromString(ceId))
                      .getResultList();
              return rows.stream().map(Boolean.class::cast).toList();
            });
  }

  private Optional<Double> metric(String name, String tag, String value) {
    String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Pattern line =
        Pattern.compile(
            "^"
                + Pattern.quote(name)
                + "\\{[^}]*"
                + Pattern.quote(tag + "=\"" + value + "\"")
                + "[^}]*\\} (\\S+)$",
            Pattern.MULTILINE);
    Matcher m = line.matcher(text);
    return m.find() ? Optional.of(Double.valueOf(m.group(1))) : Optional.empty();
  }

  /** Every record of the topic, read to its end offsets (not to a first match). */
  private List<ConsumerRecord<String, String>> readToEnd(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        assertTrue(System.nanoTime() < deadline, "could not read " + topic + " to its end");
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    records.sort(
        java.util.Comparator.comparingLong((ConsumerRecord<String, String> r) -> r.timestamp())
            .thenComparingLong(ConsumerRecord::offset));
    return records;
  }
}
