package com.acme.rma.intake.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.intake.support.Outboxes;
import com.acme.rma.platform.outbox.OutboxEvent;
import com.acme.rma.platform.outbox.OutboxRelay;
import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A crash between the database commit and the Kafka send loses no event: with the relay stopped
 * (the "crashed" service), the committed event waits in the outbox; the relay of the restarted
 * service sends it, once.
 */
@QuarkusTest
@TestProfile(OutboxCrashRecoveryTest.RelayStopped.class)
class OutboxCrashRecoveryTest {

  /** The one test profile of this module: the relay does not run by itself. */
  public static class RelayStopped implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("rma.outbox.relay.enabled", "false");
    }
  }

  @Inject OutboxRelay relay;
  @Inject MutableClock clock;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

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
  void anEventCommittedButNotYetSentReachesTheBrokerOnceAfterARestart() {
    String partner = Fixtures.partner();
    String number = Fixtures.rma(partner, Fixtures.request(Fixtures.appliance(partner, "GOLD")));
    KafkaTestClient kafka = new KafkaTestClient(bootstrap);

    List<OutboxEvent> pending = Outboxes.rows(number, "rma.authorized.v1");
    assertEquals(1, pending.size());
    assertNull(pending.get(0).publishedAt);
    assertThrows(
        AssertionError.class,
        () ->
            kafka.readUntil(
                "rma.lifecycle",
                seen -> seen.stream().anyMatch(r -> number.equals(r.key())),
                Duration.ofSeconds(3)),
        "nothing may reach the broker while the relay is down");

    assertTrue(relay.relayPending() >= 1); // what the restarted service's relay does first
    assertEquals(0, relay.relayPending());

    List<ConsumerRecord<String, String>> records =
        kafka.readUntil(
            "rma.lifecycle",
            seen -> seen.stream().anyMatch(r -> number.equals(r.key())),
            Duration.ofSeconds(20));
    assertEquals(1, records.stream().filter(r -> number.equals(r.key())).count());
    assertEquals(
        pending.get(0).id.toString(),
        KafkaTestClient.header(
            records.stream().filter(r -> number.equals(r.key())).findFirst().orElseThrow(),
            "ce_id"));
    assertNotNull(Outboxes.rows(number, "rma.authorized.v1").get(0).publishedAt);
  }
}
