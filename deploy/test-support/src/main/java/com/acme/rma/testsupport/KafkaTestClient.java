package com.acme.rma.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: produce records as an outside system would, read topics back. */
public final class KafkaTestClient {

  private final String bootstrapServers;

  public KafkaTestClient(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** Sends one record and waits for the broker's acknowledgement. */
  public void send(String topic, String key, String value, Map<String, String> headers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
      headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not send to " + topic, e);
    }
  }

  /**
   * Sends a CloudEvents binary-mode record, the way the services publish, without {@code ce_time}
   * (optional in CloudEvents): the services' clocks in tests are often fixed in the past, and they
   * refuse an event dated more than a few minutes ahead of their clock. Tests that want one give
   * it.
   */
  public void sendCloudEvent(String topic, String key, String type, String source, String json) {
    send(
        topic,
        key,
        json,
        Map.of(
            "ce_specversion",
            "1.0",
            "ce_id",
            UUID.randomUUID().toString(),
            "ce_source",
            source,
            "ce_type",
            type,
            "content-type",
            "application/json"));
  }

  /** {@link #sendCloudEvent(String, String, String, String, String)} with this {@code ce_time}. */
  public void sendCloudEvent(
      String topic, String key, String type, String source, String json, Instant time) {
    send(
        topic,
        key,
        json,
        Map.of(
            "ce_specversion",
            "1.0",
            "ce_id",
            UUID.randomUUID().toString(),
            "ce_source",
            source,
            "ce_type",
            type,
            "ce_time",
            time.toString(),
            "content-type",
            "application/json"));
  }

  /**
   * Reads the topic from the beginning until the predicate matches a record or the deadline passes;
   * returns every record read so far. Polling with a deadline, never sleeping.
   */
  public List<ConsumerRecord<String, String>> readUntil(
      String topic, Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        if (done.test(seen)) {
          return seen;
        }
      }
    }
    throw new AssertionError(
        "no matching record on " + topic + " within " + timeout + "; read: " + describe(seen));
  }

  /**
   * Every record of the topic from the beginning to its end as of this call (the end offsets of all
   * partitions, read first), so that a count over it is a count of everything sent so far, not of
   * what happened to arrive first.
   */
  public List<ConsumerRecord<String, String>> readToEnd(String topic, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      while (System.nanoTime() < deadline) {
        if (partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
          return seen;
        }
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
      }
    }
    throw new AssertionError("could not read " + topic + " to its end within " + timeout);
  }

  /** The value of a header as text, or null when absent. */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String describe(List<ConsumerRecord<String, String>> records) {
    StringBuilder text = new StringBuilder();
    for (ConsumerRecord<String, String> r : records) {
      text.append("\n  ").append(r.key()).append(" ").append(header(r, "ce_type")).append(" ");
      text.append(r.value());
    }
    return text.toString();
  }
}
