package com.acme.rma.platform;

import com.acme.rma.platform.consume.BatchEventConsumer;
import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.Inbox;
import io.opentelemetry.api.trace.Span;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;

/** Consumes the probe topic the way every service consumes its inputs. */
@ApplicationScoped
public class ProbeConsumer {

  public record Ping(@NotBlank String name) {}

  private final List<String> applied = new CopyOnWriteArrayList<>();
  // what each ping saw while it was applied: the current trace id and the MDC
  private final Map<String, String> traceIds = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> mdcs = new ConcurrentHashMap<>();
  private final BatchEventConsumer consumer;
  private final Inbox inbox;

  public ProbeConsumer(BatchEventConsumer consumer, Inbox inbox) {
    this.consumer = consumer;
    this.inbox = inbox;
  }

  public List<String> applied() {
    return applied;
  }

  public Map<String, String> traceIds() {
    return traceIds;
  }

  public Map<String, Map<String, Object>> mdcs() {
    return mdcs;
  }

  @Incoming("probe")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return consumer.consume("probe", batch, this::apply);
  }

  void apply(InboundEvent event) {
    Ping ping = inbox.read(event, Ping.class);
    if (inbox.firstDelivery(event)) {
      traceIds.put(ping.name(), Span.current().getSpanContext().getTraceId());
      mdcs.put(ping.name(), Map.copyOf(MDC.getMap()));
      applied.add(ping.name());
    }
  }
}
