package com.acme.rma.platform;

import com.acme.rma.platform.consume.EventConsumer;
import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.Inbox;
import com.acme.rma.platform.inbox.PoisonEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer whose tests choose which valid events it refuses as poison, until they change their
 * mind: a stand-in for "dead-lettered, then fixed, then replayed by ops".
 */
@ApplicationScoped
public class FlakyConsumer {

  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private final List<String> applied = new CopyOnWriteArrayList<>();
  private final EventConsumer consumer;
  private final Inbox inbox;

  public FlakyConsumer(EventConsumer consumer, Inbox inbox) {
    this.consumer = consumer;
    this.inbox = inbox;
  }

  void refuse(String name) {
    refused.add(name);
  }

  void accept(String name) {
    refused.remove(name);
  }

  List<String> applied() {
    return applied;
  }

  @Incoming("flaky")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) {
    consumer.consume("flaky", record, this::apply);
  }

  void apply(InboundEvent event) {
    ProbeConsumer.Ping ping = inbox.read(event, ProbeConsumer.Ping.class);
    if (refused.contains(ping.name())) {
      throw new PoisonEventException("refused by the test: " + ping.name());
    }
    if (inbox.firstDelivery(event)) {
      applied.add(ping.name());
    }
  }
}
