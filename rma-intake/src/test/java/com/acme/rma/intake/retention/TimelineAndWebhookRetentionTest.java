package com.acme.rma.intake.retention;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.intake.application.webhook.PurgeWebhookHistory;
import com.acme.rma.intake.projection.PurgeTimeline;
import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timelines kept 400 days after their RMA ended; webhook history 30 days; both boundaries. */
@QuarkusTest
class TimelineAndWebhookRetentionTest {

  /** Inside the fixtures' contracts; a Monday, 10:00 in Tokyo. */
  private static final Instant T0 = Instant.parse("2027-03-01T01:00:00Z");

  @Inject MutableClock clock;
  @Inject PurgeTimeline timelinePurge;
  @Inject PurgeWebhookHistory webhookPurge;
  @Inject EntityManager em;

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  @Test
  void aTimelineIsKept400DaysAfterItsRmaWasCancelledAndAnOpenRmasForEver() {
    clock.set(T0);
    String partner = Fixtures.partner();
    String cancelled = Fixtures.rma(partner, Fixtures.request(Fixtures.appliance(partner, "GOLD")));
    String open = Fixtures.rma(partner, Fixtures.request(Fixtures.appliance(partner, "GOLD")));
    Fixtures.cancel(TestTokens.partner(partner), cancelled).statusCode(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("type = 'rma.cancelled' and rma_number = :rma", cancelled) == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> entries(open) >= 4);
    long cancelledEntries = entries(cancelled);
    long openEntries = entries(open);

    clock.set(T0.plus(Duration.ofDays(400)).minusSeconds(1));
    timelinePurge.purgeExpired();
    assertEquals(cancelledEntries, entries(cancelled), "cancelled less than 400 days ago: kept");

    clock.set(T0.plus(Duration.ofDays(400)).plusSeconds(1));
    assertTrue(timelinePurge.purgeExpired() >= cancelledEntries);
    assertEquals(0, entries(cancelled), "cancelled more than 400 days ago: forgotten");
    assertEquals(openEntries, entries(open), "an open RMA's timeline stays");
  }

  @Test
  void finishedDeliveriesAndAttemptsAreForgottenAfter30DaysAndPendingOnesNever() {
    UUID endpoint = UUID.randomUUID();
    UUID delivered = UUID.randomUUID();
    UUID parked = UUID.randomUUID();
    UUID pending = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              sql(
                  "insert into webhook_endpoint (id, partner_id, url, secret, event_types, state,"
                      + " paused_reason, paused_at, created_at) values ('"
                      + endpoint
                      + "', 'P-RETENTION', 'http://127.0.0.1:9/h', '0123456789abcdef', '[]',"
                      + " 'PAUSED', 'test', :t0, :t0)");
              delivery(delivered, endpoint, "DELIVERED", "1");
              delivery(parked, endpoint, "PARKED", "2");
              delivery(pending, endpoint, "PENDING", "3");
              attempt(endpoint, pending, T0);
              attempt(endpoint, pending, T0.plus(Duration.ofDays(1)));
            });

    clock.set(T0.plus(Duration.ofDays(30)).minusSeconds(1));
    webhookPurge.purgeExpired();
    assertEquals(3, deliveries(endpoint), "finished less than 30 days ago: kept");
    assertEquals(2, attempts(endpoint));

    clock.set(T0.plus(Duration.ofDays(30)).plusSeconds(1));
    assertTrue(webhookPurge.purgeExpired() >= 3);
    assertEquals(1, deliveries(endpoint), "only the pending delivery is left");
    assertEquals(
        1, count("id = :rma", pending, "webhook_delivery"), "pending deliveries are never purged");
    assertEquals(1, attempts(endpoint), "the attempt made less than 30 days ago is left");
  }

  @Test
  void retentionsBelowTheirMinimumsAreRefused() {
    Clock utc = Clock.systemUTC();
    assertThrows(
        IllegalArgumentException.class, () -> new PurgeTimeline(null, utc, Duration.ofDays(29)));
    new PurgeTimeline(null, utc, Duration.ofDays(30));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PurgeWebhookHistory(null, utc, Duration.ofDays(2).minusSeconds(1)));
    new PurgeWebhookHistory(null, utc, Duration.ofDays(2));
  }

  private void delivery(UUID id, UUID endpoint, String status, String event) {
    em.createNativeQuery(
            "insert into webhook_delivery (id, endpoint_id, rma_number, event_id, event_type,"
                + " payload, status, attempts, created_at, deadline_at, next_attempt_at,"
                + " finished_at, event_at) values (:id, :endpoint, 'RMA-2027-000001', :event,"
                + " 'rma.closed', '{}', :status, 1, :created, :deadline, :next, :finished,"
                + " :created)")
        .setParameter("id", id)
        .setParameter("endpoint", endpoint)
        .setParameter("event", event)
        .setParameter("status", status)
        .setParameter("created", T0.minus(Duration.ofDays(1)))
        .setParameter("deadline", T0)
        .setParameter("next", status.equals("PENDING") ? T0 : null)
        .setParameter("finished", status.equals("PENDING") ? null : T0)
        .executeUpdate();
  }

  private void attempt(UUID endpoint, UUID delivery, Instant at) {
    em.createNativeQuery(
            "insert into webhook_attempt (endpoint_id, delivery_id, event_id, event_type, attempt,"
                + " attempted_at, duration_ms, outcome) values (:endpoint, :delivery, '3',"
                + " 'rma.closed', 1, :at, 5, 'PENDING')")
        .setParameter("endpoint", endpoint)
        .setParameter("delivery", delivery)
        .setParameter("at", at)
        .executeUpdate();
  }

  private void sql(String statement) {
    em.createNativeQuery(statement).setParameter("t0", T0).executeUpdate();
  }

  private long entries(String rma) {
    return count("rma_number = :rma", rma);
  }

  private long deliveries(UUID endpoint) {
    return count("endpoint_id = :rma", endpoint, "webhook_delivery");
  }

  private long attempts(UUID endpoint) {
    return count("endpoint_id = :rma", endpoint, "webhook_attempt");
  }

  private long count(String where, Object value) {
    return count(where, value, "timeline_entry");
  }

  private long count(String where, Object value, String table) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery("select count(*) from " + table + " where " + where)
                            .setParameter("rma", value)
                            .getSingleResult())
                    .longValue());
  }
}
