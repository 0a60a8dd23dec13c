package com.acme.rma.intake.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Goldens;
import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Intake consumes sla-monitor's {@code sla.deadline-changed.v1} (its golden example) on {@code
 * sla.clocks} through the real broker and the real database: the RMA's {@code sla} shows the
 * monitor's deadline — none while paused — and an older announcement arriving after a newer one, or
 * a repeated one, changes nothing.
 */
@QuarkusTest
class DeadlineChangedConsumerTest {

  private static final String TOPIC = "sla.clocks";
  private static final String TYPE = EventTypes.SLA_DEADLINE_CHANGED;

  @Inject MutableClock clock;
  @Inject ObjectMapper mapper;
  @Inject EntityManager em;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private KafkaTestClient kafka;
  private String rmaNumber;

  @BeforeEach
  void anAuthorizedGoldRma() {
    clock.set(Fixtures.FRIDAY_MORNING);
    kafka = new KafkaTestClient(bootstrap);
    String partner = Fixtures.partner();
    rmaNumber = Fixtures.rma(partner, Fixtures.request(Fixtures.appliance(partner, "GOLD")));
    // the monitor's announcements below happened until then: none is ahead of intake's clock
    clock.set(Instant.parse("2026-05-02T10:00:00Z"));
  }

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  /** The golden announcement about this RMA, with these members changed. */
  private String announcement(Map<String, String> changes) {
    ObjectNode event = Goldens.node(TYPE);
    event.put("rmaNumber", rmaNumber);
    changes.forEach((member, value) -> event.put(member, value));
    return event.toString();
  }

  private String paused(String occurredAt) {
    ObjectNode event = (ObjectNode) readTree(announcement(Map.of("occurredAt", occurredAt)));
    event.putNull("dueAt");
    event.put("previousDueAt", "2026-05-07T08:30:00Z");
    event.put("state", "PAUSED");
    event.put("pausedAt", "2026-05-01T02:00:00Z");
    event.put("reason", "EXPORT_HOLD");
    return event.toString();
  }

  private com.fasterxml.jackson.databind.JsonNode readTree(String json) {
    try {
      return mapper.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String send(String key, String json) {
    String id = UUID.randomUUID().toString();
    sendWithId(key, json, id);
    return id;
  }

  private void sendWithId(String key, String json, String id) {
    kafka.send(
        TOPIC,
        key,
        json,
        Map.of(
            "ce_specversion",
            "1.0",
            "ce_id",
            id,
            "ce_source",
            "/sla-monitor",
            "ce_type",
            TYPE,
            "ce_time",
            clock.instant().toString(),
            "content-type",
            "application/json"));
  }

  private void awaitProcessed(String ceId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                        .call(
                            () ->
                                ((Number)
                                        em.createNativeQuery(
                                                "select count(*) from processed_event where id = :id")
                                            .setParameter("id", ceId)
                                            .getSingleResult())
                                    .intValue())
                    == 1);
  }

  private void awaitSla(Object dueAt, boolean paused) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                Fixtures.get(TestTokens.ops(), rmaNumber)
                    .statusCode(200)
                    .body("sla.target", equalTo("SHIPMENT"))
                    .body("sla.dueAt", dueAt == null ? nullValue() : equalTo(dueAt))
                    .body("sla.paused", equalTo(paused)));
  }

  private void assertSla(Object dueAt, boolean paused) {
    Fixtures.get(TestTokens.ops(), rmaNumber)
        .statusCode(200)
        .body("sla.dueAt", dueAt == null ? nullValue() : equalTo(dueAt))
        .body("sla.paused", equalTo(paused));
  }

  @Test
  void showsNoDeadlineWhileTheMonitorsClockIsPausedThenTheMovedOne() {
    assertSla("2026-05-07T08:30:00Z", false);

    send(rmaNumber, paused("2026-05-01T02:00:05Z"));
    awaitSla(null, true);

    // the golden: cleared, restarted with the full target
    send(rmaNumber, announcement(Map.of()));
    awaitSla("2026-05-02T13:00:00Z", false);
  }

  @Test
  void ignoresAnOlderAnnouncementArrivingAfterANewerOneAndARepeatedOne() {
    String holdId = send(rmaNumber, paused("2026-05-01T02:00:05Z"));
    awaitSla(null, true);
    send(rmaNumber, announcement(Map.of("occurredAt", "2026-05-02T09:00:05Z")));
    awaitSla("2026-05-02T13:00:00Z", false);

    // the hold again, one microsecond older than the clearance: stale
    String stale = send(rmaNumber, paused("2026-05-02T09:00:04.999999Z"));
    awaitProcessed(stale);
    assertSla("2026-05-02T13:00:00Z", false);

    // the first hold redelivered with its own CloudEvent id, even dated later: already applied
    sendWithId(rmaNumber, paused("2026-05-02T10:00:00Z"), holdId);
    String marker = send(rmaNumber, announcement(Map.of("occurredAt", "2026-05-02T09:00:05Z")));
    awaitProcessed(marker);
    assertSla("2026-05-02T13:00:00Z", false);

    // one of the same moment as the last applied, or later, applies
    String sameMoment =
        send(
            rmaNumber,
            announcement(
                Map.of("occurredAt", "2026-05-02T09:00:05Z", "dueAt", "2026-05-02T14:00:00Z")));
    awaitProcessed(sameMoment);
    assertSla("2026-05-02T14:00:00Z", false);
  }

  @Test
  void sendsAnAnnouncementAboutAnUnknownRmaOrAnUnreadableOneToTheDeadLetterTopic() {
    String unknown = "RMA-1999-" + UUID.randomUUID().toString().substring(0, 6);
    ObjectNode aboutUnknown = Goldens.node(TYPE);
    aboutUnknown.put("rmaNumber", unknown);
    send(unknown, aboutUnknown.toString());
    String unreadable = "RMA-1998-" + UUID.randomUUID().toString().substring(0, 6);
    send(unreadable, "{\"rmaNumber\":\"" + unreadable + "\",\"dueAt\":null}");
    // dated beyond the skew: it would stay the newest announcement for ever
    send(rmaNumber, announcement(Map.of("occurredAt", "2099-01-01T00:00:00Z")));

    List<ConsumerRecord<String, String>> dead =
        kafka.readUntil(
            "rma-intake.dlq",
            seen ->
                seen.stream().anyMatch(r -> unknown.equals(r.key()))
                    && seen.stream().anyMatch(r -> unreadable.equals(r.key()))
                    && seen.stream().anyMatch(r -> rmaNumber.equals(r.key())),
            Duration.ofSeconds(20));
    String neverIssued =
        KafkaTestClient.header(
            dead.stream().filter(r -> unknown.equals(r.key())).findFirst().orElseThrow(),
            "dead-letter-reason");
    assertTrue(neverIssued.contains("never issued"), neverIssued);
    String noMoment =
        KafkaTestClient.header(
            dead.stream().filter(r -> unreadable.equals(r.key())).findFirst().orElseThrow(),
            "dead-letter-reason");
    assertTrue(noMoment.contains("occurredAt"), noMoment);
    String future =
        KafkaTestClient.header(
            dead.stream().filter(r -> rmaNumber.equals(r.key())).findFirst().orElseThrow(),
            "dead-letter-reason");
    assertTrue(future.startsWith("time in the future: occurredAt"), future);
    assertSla("2026-05-07T08:30:00Z", false);
  }
}
