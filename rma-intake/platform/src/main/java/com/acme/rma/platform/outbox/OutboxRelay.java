package com.acme.rma.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox rows to Kafka in order and marks them published once acknowledged. A crash
 * anywhere only means a row is sent again (consumers are idempotent by CloudEvent id); a row is
 * never lost. One relay works at a time per database (an advisory lock), which keeps the order when
 * a service runs several replicas.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  // any fixed number works, as long as nothing else in the database takes the same lock
  private static final long RELAY_LOCK = 0x52_4d_41_4f_42L;
  private static final int BATCH = 200;
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

  private final MutinyEmitter<String> emitter;
  private final EntityManager em;
  private final Clock clock;
  private final boolean enabled;
  private final Counter published;

  public OutboxRelay(
      @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          MutinyEmitter<String> emitter,
      EntityManager em,
      Clock clock,
      @ConfigProperty(name = "rma.outbox.relay.enabled", defaultValue = "true") boolean enabled,
      MeterRegistry metrics) {
    this.emitter = emitter;
    this.em = em;
    this.clock = clock;
    this.enabled = enabled;
    this.published = metrics.counter("rma.outbox.published");
  }

  @Scheduled(
      identity = "outbox-relay",
      // Quarkus' scheduler runs nothing more often than once a second; a service that needs
      // less latency calls relayPending() after its commit (sla-monitor does for alerts)
      every = "${rma.outbox.relay.interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      // the emitter's channel is wired only once start-up is over
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void onSchedule() {
    if (!enabled) {
      return;
    }
    try {
      relayPending();
    } catch (RuntimeException e) {
      LOG.warn("outbox relay failed; the rows stay pending and are retried", e);
    }
  }

  /** Relays everything pending now; returns how many events were sent. */
  public int relayPending() {
    int total = 0;
    int sent;
    do {
      sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
      total += sent;
    } while (sent == BATCH);
    return total;
  }

  @SuppressWarnings("unchecked")
  private int relayBatch() {
    Boolean locked =
        (Boolean)
            em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult();
    if (!Boolean.TRUE.equals(locked)) {
      return 0;
    }
    List<OutboxEvent> batch =
        em.createQuery("from OutboxEvent where publishedAt is null order by seq", OutboxEvent.class)
            .setMaxResults(BATCH)
            .getResultList();
    if (batch.isEmpty()) {
      return 0;
    }
    List<Uni<Void>> acks = new ArrayList<>(batch.size());
    for (OutboxEvent event : batch) {
      acks.add(emitter.sendMessage(toMessage(event)));
    }
    Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
    Instant now = Instant.now(clock);
    batch.forEach(event -> event.publishedAt = now);
    published.increment(batch.size());
    return batch.size();
  }

  private static Message<String> toMessage(OutboxEvent event) {
    return Message.of(event.payload)
        .addMetadata(
            OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.key)
                .build())
        .addMetadata(
            OutgoingCloudEventMetadata.builder()
                .withId(event.id.toString())
                .withType(event.type)
                .withSource(URI.create(event.source))
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build());
  }
}
