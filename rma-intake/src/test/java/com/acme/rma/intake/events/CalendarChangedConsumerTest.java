package com.acme.rma.intake.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.rma.calendar.LiveCalendars;
import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.SlaPolicy;
import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Goldens;
import com.acme.rma.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * {@code sla.calendar-changed.v1} through the real broker: the closures are kept in the database
 * and laid over the shipped calendar, so the SLA terms (and support hours) of new RMAs follow them;
 * an older version changes nothing. A closure in 2030, so that no other test's dates move.
 */
@QuarkusTest
class CalendarChangedConsumerTest {

  // GOLD issued Tuesday 5 November 2030 10:00 Tokyo: due Wednesday 17:30, Thursday when closed
  private static final Instant ISSUED = Instant.parse("2030-11-05T01:00:00Z");
  private static final Instant WEDNESDAY_DUE = Instant.parse("2030-11-06T08:30:00Z");
  private static final Instant THURSDAY_DUE = Instant.parse("2030-11-07T08:30:00Z");

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Inject SlaPolicy policy;
  @Inject LiveCalendars calendars;
  @Inject EntityManager em;

  private void send(long version, List<Map<String, String>> closures) {
    String data =
        Goldens.with(
            EventTypes.SLA_CALENDAR_CHANGED,
            Map.of("calendar", "JP", "version", version, "closures", closures));
    new KafkaTestClient(bootstrap)
        .sendCloudEvent(
            "sla.calendars", "JP", EventTypes.SLA_CALENDAR_CHANGED, "/sla-monitor", data);
  }

  private Instant due() {
    return policy.termsFor(ServiceLevel.GOLD, ISSUED).dueAt();
  }

  @Test
  void aCalendarsClosuresMoveTheTermsAndAnOlderVersionChangesNothing() {
    long base = calendars.changesOf("JP").version() + 1000;
    send(base, List.of(Map.of("from", "2030-11-06", "to", "2030-11-06", "reason", "Typhoon")));
    await().atMost(Duration.ofSeconds(20)).until(() -> THURSDAY_DUE.equals(due()));
    assertEquals(false, policy.supportHours().isBusinessDay(LocalDate.parse("2030-11-06")));

    send(base - 1, List.of()); // older: ignored
    send(base + 1, List.of()); // newer: the day is open again
    await().atMost(Duration.ofSeconds(20)).until(() -> WEDNESDAY_DUE.equals(due()));
    assertEquals(
        base + 1,
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "select version from calendar_changes where calendar_id = 'JP'")
                                .getSingleResult())
                        .longValue()));
    assertEquals(base + 1, calendars.changesOf("JP").version());
  }
}
