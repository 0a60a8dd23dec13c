package com.acme.rma.platform.deadletter;

import com.acme.rma.platform.Causes;
import com.acme.rma.platform.problem.ProblemException;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the service's dead-letter topic with a plain consumer: partitions assigned by hand, a seek
 * to exactly the offsets wanted, no consumer group and nothing committed, every call bounded in
 * time. Records are ordered by partition, then offset (oldest first), so a page is a contiguous
 * range of offsets and reading it never loads more than the page: its cost depends on the page
 * size, not on how many records the topic holds.
 */
@ApplicationScoped
public class DeadLetterTopic {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final int SCAN_CHUNK = 200;

  /** The most a fetch brings of one partition (the broker sends at least one whole batch). */
  static final int FETCH_BYTES = 64 * 1024;

  /** How long the broker may hold a fetch for records that are not there yet. */
  static final int FETCH_MAX_WAIT_MS = 10;

  private final Map<String, Object> kafka;
  private final String topic;
  private final Duration timeout;

  public DeadLetterTopic(
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      @ConfigProperty(name = "rma.dead-letters.topic") String topic,
      @ConfigProperty(name = "rma.dead-letters.read-timeout", defaultValue = "10s")
          Duration timeout) {
    this.kafka = Map.copyOf(kafka);
    this.topic = topic;
    this.timeout = timeout;
  }

  public String name() {
    return topic;
  }

  /** The offsets a partition holds now: {@code [start, end)}. */
  public record Range(int partition, long start, long end) {
    public long count() {
      return Math.max(0, end - start);
    }
  }

  /** What one page read found: the records and how many the topic holds in all. */
  public record Slice(List<DeadLetterRecord> records, long total) {}

  /** How many records the topic holds now (0 when it does not exist yet). */
  public long count() {
    try (KafkaConsumer<byte[], byte[]> consumer = open(1)) {
      return ranges(consumer).stream().mapToLong(Range::count).sum();
    } catch (KafkaException e) {
      throw unavailable(e);
    }
  }

  /**
   * Records {@code [from, from + size)} in partition-then-offset order. What it reads depends on
   * the page only: the partitions' first and end offsets give the total and where the page starts,
   * and only the page's offsets are fetched, whatever the topic holds.
   */
  public Slice page(long from, int size) {
    long deadline = deadline();
    try (KafkaConsumer<byte[], byte[]> consumer = open(size)) {
      List<Range> ranges = ranges(consumer);
      long total = ranges.stream().mapToLong(Range::count).sum();
      Map<TopicPartition, Range> wanted = new LinkedHashMap<>();
      long skip = from;
      long left = size;
      for (Range range : ranges) {
        if (left == 0) {
          break;
        }
        if (skip >= range.count()) {
          skip -= range.count();
          continue;
        }
        long start = range.start() + skip;
        skip = 0;
        long end = Math.min(range.end(), start + left);
        wanted.put(
            new TopicPartition(topic, range.partition()), new Range(range.partition(), start, end));
        left -= end - start;
      }
      return new Slice(fetch(consumer, wanted, deadline), total);
    } catch (KafkaException e) {
      throw unavailable(e);
    }
  }

  /** The record at that place, if the topic holds it. */
  public Optional<DeadLetterRecord> read(int partition, long offset) {
    long deadline = deadline();
    try (KafkaConsumer<byte[], byte[]> consumer = open(1)) {
      Optional<Range> range =
          ranges(consumer).stream().filter(r -> r.partition() == partition).findFirst();
      if (range.isEmpty() || offset < range.get().start() || offset >= range.get().end()) {
        return Optional.empty();
      }
      return fetch(consumer, partition, offset, offset + 1, deadline).stream()
          .filter(r -> r.offset() == offset)
          .findFirst();
    } catch (KafkaException e) {
      throw unavailable(e);
    }
  }

  /**
   * Walks the topic in order, at most {@code maxRecords} records, handing each to {@code visitor}
   * until it answers false. Returns whether the walk stopped before the end of the topic.
   */
  public boolean scan(long maxRecords, Predicate<DeadLetterRecord> visitor) {
    long deadline = deadline();
    long budget = maxRecords;
    try (KafkaConsumer<byte[], byte[]> consumer = open(SCAN_CHUNK)) {
      List<Range> ranges = ranges(consumer);
      for (Range range : ranges) {
        long start = range.start();
        while (start < range.end()) {
          if (budget <= 0) {
            return true;
          }
          long end = Math.min(range.end(), start + Math.min(SCAN_CHUNK, budget));
          for (DeadLetterRecord record : fetch(consumer, range.partition(), start, end, deadline)) {
            budget--;
            if (!visitor.test(record)) {
              return true;
            }
          }
          start = end;
        }
      }
      return false;
    } catch (KafkaException e) {
      throw unavailable(e);
    }
  }

  private List<Range> ranges(KafkaConsumer<byte[], byte[]> consumer) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    if (infos == null || infos.isEmpty()) {
      return List.of();
    }
    List<TopicPartition> partitions =
        infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    // assigned first: the consumer keeps the offsets it looks up only for its own partitions
    consumer.assign(partitions);
    Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, timeout);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
    return partitions.stream()
        .map(tp -> new Range(tp.partition(), starts.get(tp), ends.get(tp)))
        .sorted(Comparator.comparingInt(Range::partition))
        .toList();
  }

  /** Records of one partition in {@code [from, to)}. */
  private List<DeadLetterRecord> fetch(
      KafkaConsumer<byte[], byte[]> consumer, int partition, long from, long to, long deadline) {
    return fetch(
        consumer,
        Map.of(new TopicPartition(topic, partition), new Range(partition, from, to)),
        deadline);
  }

  /**
   * The records of each partition's range, in the map's order and each partition's offset order.
   * The partitions are fetched together; one that has reached its range's end is paused, so no
   * fetch goes past what was asked for (but for the broker's fetch size, {@value #FETCH_BYTES}
   * bytes a partition).
   */
  private List<DeadLetterRecord> fetch(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Range> wanted, long deadline) {
    Map<TopicPartition, List<DeadLetterRecord>> found = new LinkedHashMap<>();
    List<TopicPartition> open = new ArrayList<>();
    wanted.forEach(
        (tp, range) -> {
          found.put(tp, new ArrayList<>());
          if (range.count() > 0) {
            open.add(tp);
          }
        });
    if (open.isEmpty()) {
      return List.of();
    }
    consumer.assign(open);
    consumer.resume(open); // paused at the end of an earlier range of the same call
    open.forEach(tp -> consumer.seek(tp, wanted.get(tp).start()));
    while (!open.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new KafkaException(
            "reading " + wanted.values() + " of " + topic + " took longer than " + timeout);
      }
      ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
      for (TopicPartition tp : List.copyOf(open)) {
        Range range = wanted.get(tp);
        for (ConsumerRecord<byte[], byte[]> record : polled.records(tp)) {
          if (record.offset() >= range.start() && record.offset() < range.end()) {
            found.get(tp).add(new DeadLetterRecord(record));
          }
        }
        long position =
            consumer.position(tp, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        if (position >= range.end()) {
          consumer.pause(List.of(tp)); // nothing more is fetched for it
          open.remove(tp);
        }
      }
    }
    return found.values().stream().flatMap(List::stream).toList();
  }

  private KafkaConsumer<byte[], byte[]> open(int maxRecords) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(Math.max(1, maxRecords)));
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    // the broker answers a fetch at once rather than waiting up to 500 ms for more records: a
    // fetch sent ahead for a partition already read would otherwise hold up the next one
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Integer.toString(FETCH_MAX_WAIT_MS));
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(FETCH_BYTES));
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private long deadline() {
    return System.nanoTime() + timeout.toNanos();
  }

  private ProblemException unavailable(KafkaException e) {
    return ProblemException.unavailable(
        "The dead-letter topic "
            + topic
            + " cannot be read now: "
            + Causes.describe(e, "the broker did not answer"),
        5);
  }
}
