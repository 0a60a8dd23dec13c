package com.acme.rma.platform.consume;

import com.acme.rma.platform.inbox.EventChecks;
import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.PoisonEventException;
import com.acme.rma.platform.observe.Correlation;
import com.acme.rma.platform.observe.Traces;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * How every service applies a record it consumes: an event from a producer other than the one the
 * contract names, or dated too far ahead, is poison ({@link EventChecks}); the handler runs in a
 * transaction of its own (with the inbox's idempotency row); a record that can never succeed
 * ({@link Failures#isPoison}) is nacked once, so SmallRye sends it to the channel's dead-letter
 * topic; any other failure is retried on the same record with exponential backoff, for as long as
 * it lasts. The channel is {@code @Blocking} and ordered, so a retry stalls its partitions in order
 * and nothing after the record is skipped; SmallRye pauses the partitions while the worker is busy,
 * so the consumer stays in its group. The stall shows in readiness ({@code event-consumers}) and in
 * the metrics.
 *
 * <p>Each attempt runs in a span that continues the trace of the record's {@code traceparent}
 * header (the trace of the transaction that wrote the event), with the trace ids and the event's
 * {@code rmaNumber} / {@code serialNumber} in the logging MDC.
 */
@ApplicationScoped
public class EventConsumer {

  private static final Logger LOG = Logger.getLogger(EventConsumer.class);

  /** The effect of one event; it runs inside the transaction the consumer opened. */
  @FunctionalInterface
  public interface Handler {
    void handle(InboundEvent event);
  }

  private final ConsumerStalls stalls;
  private final Tracer tracer;
  private final ObjectMapper mapper;
  private final EventChecks checks;

  public EventConsumer(
      ConsumerStalls stalls, Tracer tracer, ObjectMapper mapper, EventChecks checks) {
    this.stalls = stalls;
    this.tracer = tracer;
    this.mapper = mapper;
    this.checks = checks;
  }

  /**
   * Applies the record, retrying transient failures forever (backoff from 200 ms doubling to 10 s)
   * and throwing {@link PoisonEventException} for what must be dead-lettered.
   */
  @Retry(
      maxRetries = -1,
      maxDuration = 3650,
      durationUnit = ChronoUnit.DAYS,
      delay = 200,
      jitter = 100,
      abortOn = PoisonEventException.class)
  @ExponentialBackoff(factor = 2, maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
  public void consume(String channel, ConsumerRecord<String, String> record, Handler handler) {
    Header traceparent = record.headers().lastHeader(Traces.TRACEPARENT);
    Traces.inSpan(
        tracer,
        record.topic() + " process",
        SpanKind.CONSUMER,
        traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8),
        () -> {
          try {
            correlate(record);
            apply(channel, record, handler);
            return null;
          } finally {
            Correlation.clear();
          }
        });
  }

  private void apply(String channel, ConsumerRecord<String, String> record, Handler handler) {
    try {
      InboundEvent event = InboundEvent.of(record);
      checks.check(event);
      QuarkusTransaction.requiringNew().run(() -> handler.handle(event));
    } catch (RuntimeException e) {
      if (Failures.isPoison(e)) {
        stalls.deadLettered(channel);
        LOG.warnf(
            "%s: dead-lettering %s-%d@%d: %s",
            channel, record.topic(), record.partition(), record.offset(), Failures.reason(e));
        // the reason and cause that ops read, without class names (the line above has them)
        throw Failures.deadLetter(e);
      }
      stalls.failed(channel, e);
      LOG.warnf(
          "%s: %s-%d@%d failed for a transient reason, retrying: %s",
          channel, record.topic(), record.partition(), record.offset(), Failures.reason(e));
      throw e;
    }
    stalls.succeeded(channel);
    LOG.infof(
        "%s: applied %s from %s-%d@%d",
        channel, header(record, "ce_type"), record.topic(), record.partition(), record.offset());
  }

  /** The event's top-level rmaNumber and serialNumber, when it has them, into the MDC. */
  void correlate(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return;
    }
    try {
      JsonNode data = mapper.readTree(record.value());
      if (data != null && data.isObject()) {
        Correlation.rma(data.path(Correlation.RMA_NUMBER).asText(null));
        Correlation.serial(data.path(Correlation.SERIAL_NUMBER).asText(null));
      }
    } catch (java.io.IOException | RuntimeException unreadable) {
      // the handler tells what is wrong with it
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
