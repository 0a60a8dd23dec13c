package com.acme.rma.platform.consume;

import com.acme.rma.platform.inbox.EventChecks;
import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.Inbox;
import com.acme.rma.platform.inbox.PoisonEventException;
import com.acme.rma.platform.observe.Correlation;
import com.acme.rma.platform.observe.Traces;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Applies a batch of records (a channel with {@code batch=true}) in <em>one</em> transaction: the
 * inbox rows of the whole batch in one statement, every handler, one commit, one ack (the offsets
 * of the batch's last record per partition). When anything in the batch fails, nothing of it is
 * committed and the batch is applied again record by record through {@link EventConsumer}, with
 * exactly the single-record guarantees: each record in its own transaction, a transient failure
 * retried in place (in order, the channel stalls), a poison record dead-lettered alone (its own
 * nack, the channel's dead-letter strategy) and the records after it applied.
 *
 * <p>A listener's change is mechanical: {@code CompletionStage<Void>
 * consume(KafkaRecordBatch<String, String> batch)} returning {@code consumer.consume(channel,
 * batch, this::apply)}, with {@code mp.messaging.incoming.CHANNEL.batch=true}; the handler is the
 * same.
 */
@ApplicationScoped
public class BatchEventConsumer {

  private static final Logger LOG = Logger.getLogger(BatchEventConsumer.class);

  private final EventConsumer single;
  private final Inbox inbox;
  private final ConsumerStalls stalls;
  private final Tracer tracer;
  private final EventChecks checks;

  public BatchEventConsumer(
      EventConsumer single, Inbox inbox, ConsumerStalls stalls, Tracer tracer, EventChecks checks) {
    this.single = single;
    this.inbox = inbox;
    this.stalls = stalls;
    this.tracer = tracer;
    this.checks = checks;
  }

  /** The effect of one event that also needs its record (topic, partition, offset). */
  @FunctionalInterface
  public interface RecordHandler {
    void handle(InboundEvent event, ConsumerRecord<String, String> record);
  }

  /** Applies the batch; the returned stage is the batch's ack (after any dead letter is sent). */
  public CompletionStage<Void> consume(
      String channel, KafkaRecordBatch<String, String> batch, EventConsumer.Handler handler) {
    return consume(channel, batch, (event, record) -> handler.handle(event), true);
  }

  /**
   * The same for a projection that keeps its own idempotency (a unique key per event in its own
   * table) and must not claim the events in the inbox, which the service's other consumers of the
   * same events use.
   */
  public CompletionStage<Void> project(
      String channel, KafkaRecordBatch<String, String> batch, RecordHandler handler) {
    return consume(channel, batch, handler, false);
  }

  private CompletionStage<Void> consume(
      String channel,
      KafkaRecordBatch<String, String> batch,
      RecordHandler handler,
      boolean claimInbox) {
    List<KafkaRecord<String, String>> records = batch.getRecords();
    if (records.isEmpty()) {
      return batch.ack();
    }
    if (records.size() > 1 && applyTogether(channel, records, handler, claimInbox)) {
      stalls.succeeded(channel);
      // one line per batch at INFO (each event's own line is at DEBUG)
      ConsumerRecord<String, String> first = consumerRecord(records.get(0));
      ConsumerRecord<String, String> last = consumerRecord(records.get(records.size() - 1));
      LOG.infof(
          "%s: applied %d records in one transaction, %s-%d@%d to %s-%d@%d",
          channel,
          records.size(),
          first.topic(),
          first.partition(),
          first.offset(),
          last.topic(),
          last.partition(),
          last.offset());
      return batch.ack();
    }
    for (KafkaRecord<String, String> record : records) {
      ConsumerRecord<String, String> consumerRecord = consumerRecord(record);
      try {
        single.consume(channel, consumerRecord, event -> handler.handle(event, consumerRecord));
      } catch (PoisonEventException poison) {
        // dead-lettered alone; the batch's ack below must not run before it is on the DLQ topic
        record.nack(poison).toCompletableFuture().join();
      }
    }
    return batch.ack();
  }

  /** True when every record of the batch was applied and committed in one transaction. */
  private boolean applyTogether(
      String channel,
      List<KafkaRecord<String, String>> records,
      RecordHandler handler,
      boolean claimInbox) {
    List<ConsumerRecord<String, String>> consumerRecords = new ArrayList<>(records.size());
    List<InboundEvent> events = new ArrayList<>(records.size());
    try {
      for (KafkaRecord<String, String> record : records) {
        ConsumerRecord<String, String> consumerRecord = consumerRecord(record);
        consumerRecords.add(consumerRecord);
        InboundEvent event = InboundEvent.of(consumerRecord);
        checks.check(event); // a forged source or a time in the future is poison, as one by one
        events.add(event);
      }
    } catch (RuntimeException unreadable) {
      return false; // one by one: the unreadable or refused record is dead-lettered alone
    }
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                if (claimInbox) {
                  inbox.claimAll(events);
                }
                for (int i = 0; i < events.size(); i++) {
                  ConsumerRecord<String, String> record = consumerRecords.get(i);
                  InboundEvent event = events.get(i);
                  Header traceparent = record.headers().lastHeader(Traces.TRACEPARENT);
                  Traces.inSpan(
                      tracer,
                      record.topic() + " process",
                      SpanKind.CONSUMER,
                      traceparent == null
                          ? null
                          : new String(traceparent.value(), StandardCharsets.UTF_8),
                      () -> {
                        try {
                          single.correlate(record);
                          handler.handle(event, record);
                          LOG.debugf(
                              "%s: applied %s from %s-%d@%d",
                              channel,
                              event.type(),
                              record.topic(),
                              record.partition(),
                              record.offset());
                          return null;
                        } finally {
                          Correlation.clear();
                        }
                      });
                }
              });
      return true;
    } catch (RuntimeException e) {
      LOG.debugf(
          "%s: a batch of %d records failed together (%s); applying them one by one",
          channel, records.size(), Failures.reason(e));
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
    return record
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .map(m -> (ConsumerRecord<String, String>) m.getRecord())
        .orElseThrow(() -> new IllegalStateException("not an incoming Kafka record"));
  }
}
