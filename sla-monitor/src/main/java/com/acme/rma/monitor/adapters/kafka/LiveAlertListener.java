package com.acme.rma.monitor.adapters.kafka;

import com.acme.rma.monitor.application.AlertFeed;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code sla.alerts} in a consumer group of this replica's own (from the latest offset) and
 * hands every alert to the replica's dashboard clients.
 */
@ApplicationScoped
@Identifier(LiveAlertListener.REBALANCE_LISTENER)
public class LiveAlertListener implements KafkaConsumerRebalanceListener {

  static final String REBALANCE_LISTENER = "sla-monitor-live-alerts";

  private final AlertFeed feed;

  public LiveAlertListener(AlertFeed feed) {
    this.feed = feed;
  }

  @Incoming("live-alerts")
  public void consume(ConsumerRecord<String, String> record) {
    String type = header(record, "ce_type");
    if (type == null || record.value() == null) {
      return; // not an alert this service wrote
    }
    String id = header(record, "ce_id");
    feed.publish(new AlertFeed.LiveAlert(id, type, record.value()));
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    // resolve the starting offsets now, so that every alert written from here on is seen
    partitions.forEach(consumer::position);
    feed.following(!partitions.isEmpty() || !consumer.assignment().isEmpty());
  }

  @Override
  public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    feed.following(false);
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    feed.following(false);
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
