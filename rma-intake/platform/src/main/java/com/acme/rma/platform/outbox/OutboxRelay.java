package com.acme.rma.platform.outbox;

import com.acme.rma.platform.observe.Traces;
import com.acme.rma.platform.outbox.SendVerdicts.Fate;
import com.acme.rma.platform.outbox.SendVerdicts.Sent;
import com.acme.rma.platform.outbox.SendVerdicts.UnsendableRowException;
import com.acme.rma.platform.outbox.SendVerdicts.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox rows to Kafka in seq order and marks each one published once the broker
 * acknowledged it. A crash anywhere only means a row is sent again (consumers are idempotent by
 * CloudEvent id); a row is never lost. One relay works at a time per database (an advisory lock),
 * which keeps the order when a service runs several replicas.
 *
 * <p>Each row has its own outcome, so one row that can never be sent (too large, topic missing or
 * not authorized) does not hold back the others: its failures are counted and after {@code
 * rma.outbox.max-attempts} it is <em>parked</em> with its reason, skipped from then on, listed for
 * ops ({@code GET /api/v1/ops/outbox/parked}) and sent again only when ops retries it. Failures
 * that are only the broker being down do not count (see {@link SendVerdicts}), so an outage never
 * parks valid events.
 *
 * <p>Ordering consequence: rows after a parked row, including later events of the same key, are
 * sent without it; a parked row that ops retries arrives after them. Consumers already see such
 * gaps as out-of-order events.
 *
 * <p>A batch whose acknowledgements take longer than the relay's wait ({@value #ACK_WAIT_SECONDS}
 * s) stays in flight: no new batch is sent until every send of it has finished (each is bounded by
 * the producer's {@code delivery.timeout.ms}), and its outcomes are recorded then. So a slow broker
 * never makes the relay pile the same rows onto the producer again.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  // any fixed number works, as long as nothing else in the database takes the same lock
  private static final long RELAY_LOCK = 0x52_4d_41_4f_42L;
  private static final int BATCH = 200;
  static final long ACK_WAIT_SECONDS = 30;
  // a send that never finishes at all (it should not happen: delivery.timeout.ms bounds each one)
  // is given up after this, as a failure that does not count against the row
  private static final Duration GIVE_UP = Duration.ofMinutes(5);

  private final MutinyEmitter<String> emitter;
  private final EntityManager em;
  private final Clock clock;
  private final boolean enabled;
  private final int maxAttempts;
  private final Counter published;
  private final Counter parked;
  private final ReentrantLock running = new ReentrantLock();
  private final AtomicBoolean rerun = new AtomicBoolean();
  private InFlight inFlight; // guarded by running

  /** The rows of the last batch and the outcome of each send, until all of them are recorded. */
  private record InFlight(
      List<OutboxEvent> rows, List<CompletableFuture<Throwable>> outcomes, long sentAtNanos) {
    boolean done() {
      return outcomes.stream().allMatch(CompletableFuture::isDone);
    }
  }

  public OutboxRelay(
      @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          MutinyEmitter<String> emitter,
      EntityManager em,
      Clock clock,
      @ConfigProperty(name = "rma.outbox.relay.enabled", defaultValue = "true") boolean enabled,
      @ConfigProperty(name = "rma.outbox.max-attempts", defaultValue = "5") int maxAttempts,
      MeterRegistry metrics) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("rma.outbox.max-attempts must be at least 1");
    }
    this.emitter = emitter;
    this.em = em;
    this.clock = clock;
    this.enabled = enabled;
    this.maxAttempts = maxAttempts;
    this.published = metrics.counter("rma.outbox.published");
    this.parked = metrics.counter("rma.outbox.parkings");
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

  /**
   * Relays everything pending now; returns how many events the broker acknowledged. Returns at once
   * (0) while another call in this process is relaying or the last batch is still in flight.
   */
  public int relayPending() {
    int total = 0;
    while (true) {
      if (!running.tryLock()) {
        // the run under way may have read the rows before this call's commit: one more after it
        rerun.set(true);
        return total;
      }
      try {
        rerun.set(false);
        total += relayOnce();
      } finally {
        running.unlock();
      }
      if (!rerun.get()) {
        return total;
      }
    }
  }

  private int relayOnce() {
    int total = 0;
    if (inFlight != null) {
      if (!inFlight.done() && !overdue(inFlight)) {
        return 0;
      }
      total += QuarkusTransaction.requiringNew().call(this::recordInFlight);
    }
    while (true) {
      Batch batch = QuarkusTransaction.requiringNew().call(this::relayBatch);
      total += batch.published();
      if (batch.size() < BATCH || batch.published() == 0 || inFlight != null) {
        return total;
      }
    }
  }

  private record Batch(int size, int published) {}

  private Batch relayBatch() {
    Object locked =
        em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
            .setParameter("lock", RELAY_LOCK)
            .getSingleResult();
    if (!Boolean.TRUE.equals(locked)) {
      return new Batch(0, 0);
    }
    List<OutboxEvent> rows =
        em.createQuery(
                "from OutboxEvent where publishedAt is null and parkedAt is null order by seq",
                OutboxEvent.class)
            .setMaxResults(BATCH)
            .getResultList();
    if (rows.isEmpty()) {
      return new Batch(0, 0);
    }
    // Sent with the transaction suspended: the send callbacks run on Kafka's threads, and a
    // transaction context propagated to them would still be active there when this one commits.
    List<CompletableFuture<Throwable>> outcomes =
        QuarkusTransaction.suspendingExisting().call(() -> rows.stream().map(this::send).toList());
    inFlight = new InFlight(rows, outcomes, System.nanoTime());
    try {
      CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
          .get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      LOG.warnf(
          "outbox relay: %d events not acknowledged within %d s; recorded once every send ends",
          outcomes.stream().filter(o -> !o.isDone()).count(), ACK_WAIT_SECONDS);
      return new Batch(rows.size(), 0);
    } catch (ExecutionException e) {
      throw new IllegalStateException("outcomes never fail", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Batch(rows.size(), 0);
    }
    return new Batch(rows.size(), recordInFlight());
  }

  private CompletableFuture<Throwable> send(OutboxEvent row) {
    Message<String> message;
    try {
      message = toMessage(row);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(
          new UnsendableRowException("cannot build the record: " + e.getMessage(), e));
    }
    return emitter
        .sendMessage(message)
        .onItemOrFailure()
        .transform((ok, failure) -> failure)
        .subscribeAsCompletionStage();
  }

  private boolean overdue(InFlight batch) {
    return System.nanoTime() - batch.sentAtNanos() > GIVE_UP.toNanos();
  }

  /** Records the outcome of every row of the in-flight batch, in the current transaction. */
  private int recordInFlight() {
    InFlight batch = inFlight;
    inFlight = null;
    List<Sent> sent = new ArrayList<>(batch.rows().size());
    for (int i = 0; i < batch.rows().size(); i++) {
      OutboxEvent row = batch.rows().get(i);
      CompletableFuture<Throwable> outcome = batch.outcomes().get(i);
      Throwable failure =
          outcome.isDone()
              ? outcome.join()
              : new TimeoutException("no acknowledgement within " + GIVE_UP);
      sent.add(new Sent(row.seq, row.attempts, failure));
    }
    Instant now = Instant.now(clock);
    List<Verdict> verdicts = SendVerdicts.judge(sent, maxAttempts);
    List<Long> acknowledged = new ArrayList<>();
    String outage = null;
    int retried = 0;
    for (int i = 0; i < verdicts.size(); i++) {
      Verdict verdict = verdicts.get(i);
      OutboxEvent row = batch.rows().get(i);
      if (verdict.fate() == Fate.PUBLISHED) {
        acknowledged.add(row.seq);
        continue;
      }
      // "published_at is null": another replica may have sent the row meanwhile
      em.createNativeQuery(
              "update outbox_event set attempts = :attempts, last_error = :error,"
                  + " parked_at = case when :park then cast(:now as timestamptz) end"
                  + " where seq = :seq and published_at is null")
          .setParameter("attempts", verdict.attempts())
          .setParameter("error", verdict.error())
          .setParameter("park", verdict.fate() == Fate.PARKED)
          .setParameter("now", now)
          .setParameter("seq", row.seq)
          .executeUpdate();
      switch (verdict.fate()) {
        case PARKED -> {
          parked.increment();
          LOG.errorf(
              "outbox event %s (%s to %s, key %s) parked after %d failed attempts: %s",
              row.id, row.type, row.topic, row.key, verdict.attempts(), verdict.error());
        }
        case COUNTED ->
            LOG.warnf(
                "outbox event %s (%s to %s) failed, attempt %d of %d: %s",
                row.id, row.type, row.topic, verdict.attempts(), maxAttempts, verdict.error());
        default -> {
          retried++;
          outage = verdict.error();
        }
      }
    }
    if (retried > 0) {
      LOG.warnf(
          "outbox relay: the broker took none of %d events (%s); they are retried, not counted",
          retried, outage);
    }
    if (!acknowledged.isEmpty()) {
      em.createNativeQuery(
              "update outbox_event set published_at = :now"
                  + " where seq in (:seqs) and published_at is null")
          .setParameter("now", now)
          .setParameter("seqs", acknowledged)
          .executeUpdate();
      published.increment(acknowledged.size());
    }
    return acknowledged.size();
  }

  private static Message<String> toMessage(OutboxEvent event) {
    RecordHeaders headers = new RecordHeaders();
    if (event.traceparent != null) {
      // the trace of the transaction that wrote the row (the connector's own tracing is off: it
      // would start a new trace here, on the relay's thread)
      headers.add(Traces.TRACEPARENT, event.traceparent.getBytes(StandardCharsets.UTF_8));
    }
    return Message.of(event.payload)
        .addMetadata(
            OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.key)
                .withHeaders(headers)
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
