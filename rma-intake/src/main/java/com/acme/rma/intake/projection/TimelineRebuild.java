package com.acme.rma.intake.projection;

import com.acme.rma.contract.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the timeline from the topics: reads the projection's topics from their first offset to
 * their end (no consumer group, nothing committed), merges the partitions by record time while
 * keeping each partition's order, and in one transaction empties {@code timeline_entry} and
 * projects every record again with the same mapping as the live consumer. Entries that existed keep
 * their arrival order and first recording time, so a rebuild of an intact table gives it back
 * identical; webhooks are not queued again. The live consumer keeps running: what it adds meanwhile
 * is idempotent with the rebuild. Limit: the topics' retention (events older than it are gone).
 */
@ApplicationScoped
public class TimelineRebuild {

  private static final Logger LOG = Logger.getLogger(TimelineRebuild.class);
  static final List<String> TOPICS =
      List.of(Topics.LIFECYCLE, Topics.SHIPMENTS, Topics.SLA_ALERTS, Topics.SLA_CLOCKS);

  /** What a rebuild did. */
  public record Result(int records, int entries) {}

  private final Map<String, Object> kafka;
  private final TimelineProjection projection;
  private final TimelineStore store;
  private final Clock clock;
  private final Duration timeout;

  public TimelineRebuild(
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      TimelineProjection projection,
      TimelineStore store,
      Clock clock,
      @ConfigProperty(name = "rma.timeline.rebuild-timeout", defaultValue = "5m")
          Duration timeout) {
    this.kafka = Map.copyOf(kafka);
    this.projection = projection;
    this.store = store;
    this.clock = clock;
    this.timeout = timeout;
  }

  public Result rebuild() {
    Instant now = Instant.now(clock);
    int[] counts = new int[2]; // records, entries
    QuarkusTransaction.requiringNew()
        .timeout((int) timeout.toSeconds())
        .run(
            () -> {
              Map<String, TimelineStore.Kept> kept = store.deleteAll();
              readInOrder(
                  record -> {
                    counts[0]++;
                    counts[1] +=
                        projection.replay(
                            record,
                            now,
                            e ->
                                Optional.ofNullable(
                                    kept.get(
                                        TimelineStore.key(
                                            e.eventSource(), e.eventId(), e.part()))));
                  });
            });
    LOG.infof("timeline rebuilt: %d records, %d entries", counts[0], counts[1]);
    return new Result(counts[0], counts[1]);
  }

  /**
   * Hands every record of the topics, up to their end offsets as they are when it starts, to {@code
   * each} in time order: the oldest head first among the partitions (then topic, partition), each
   * partition's own order kept. Streams: it holds at most a poll's worth of records per partition
   * (a partition is fetched only once its queue is empty), never the topics — a rebuild over a long
   * history must not need the history in the heap.
   */
  private void readInOrder(Consumer<ConsumerRecord<String, String>> each) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : TOPICS) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (infos != null) {
          infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
      Map<TopicPartition, Deque<ConsumerRecord<String, String>>> queues = new HashMap<>();
      List<TopicPartition> open = new ArrayList<>();
      for (TopicPartition p : partitions) {
        queues.put(p, new ArrayDeque<>());
        if (consumer.position(p) < end.get(p)) {
          open.add(p);
        }
      }
      Comparator<TopicPartition> byHead =
          Comparator.<TopicPartition>comparingLong(p -> queues.get(p).peekFirst().timestamp())
              .thenComparing(TopicPartition::topic)
              .thenComparingInt(TopicPartition::partition);
      while (!open.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the topics could not be read within " + timeout);
        }
        List<TopicPartition> hungry = open.stream().filter(p -> queues.get(p).isEmpty()).toList();
        if (!hungry.isEmpty()) {
          consumer.pause(partitions);
          consumer.resume(hungry);
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            if (r.offset() < end.get(tp)) {
              queues.get(tp).add(r);
            }
          }
          open.removeIf(p -> queues.get(p).isEmpty() && consumer.position(p) >= end.get(p));
          continue;
        }
        TopicPartition next = open.stream().min(byHead).orElseThrow();
        each.accept(queues.get(next).pollFirst());
        if (queues.get(next).isEmpty() && consumer.position(next) >= end.get(next)) {
          open.remove(next);
        }
      }
    }
  }
}
