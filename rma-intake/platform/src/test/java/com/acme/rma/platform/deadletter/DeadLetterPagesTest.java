package com.acme.rma.platform.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A page of dead letters costs what the page holds, not what the topic holds: on a topic of 3,000
 * records (3 MB in three partitions) the reader receives from the broker a small part of it for any
 * page, first, middle or last (measured as the bytes its consumer read from the network).
 */
@QuarkusTest
class DeadLetterPagesTest {

  private static final int RECORDS = 3_000;
  private static final int VALUE_BYTES = 1_000;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void aPageReadFetchesThePageNotTheTopic() throws Exception {
    String topic = "platform.dlq-pages-" + UUID.randomUUID();
    fill(topic);
    DeadLetterTopic reader =
        new DeadLetterTopic(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG,
                ReceivedBytes.class.getName()),
            topic,
            Duration.ofSeconds(10));
    long topicBytes = (long) RECORDS * VALUE_BYTES;

    // partition 0 holds records 0..999 of the order, partition 1 the next 1,000, partition 2 the
    // last
    for (int[] page : new int[][] {{0, 0, 0}, {150, 1, 500}, {299, 2, 990}, {99, 0, 990}}) {
      ReceivedBytes.reset();
      DeadLetterTopic.Slice slice = reader.page(page[0] * 10L, 10);
      assertEquals(RECORDS, slice.total());
      List<String> ids = slice.records().stream().map(DeadLetterRecord::id).toList();
      assertEquals(10, ids.size(), ids.toString());
      for (int i = 0; i < 10; i++) {
        assertEquals(page[1] + "-" + (page[2] + i), ids.get(i));
      }
      long received = ReceivedBytes.total();
      assertTrue(received > 0, "the reader reported what it received");
      assertTrue(
          received < topicBytes / 8,
          "page "
              + page[0]
              + " received "
              + received
              + " bytes of a "
              + topicBytes
              + "-byte topic");
    }

    // a page across two partitions: the end of one and the start of the next, in order
    DeadLetterTopic.Slice across = reader.page(995, 10);
    assertEquals(
        List.of("0-995", "0-996", "0-997", "0-998", "0-999", "1-0", "1-1", "1-2", "1-3", "1-4"),
        across.records().stream().map(DeadLetterRecord::id).toList());
    // past the end: empty, with the total
    DeadLetterTopic.Slice beyond = reader.page(RECORDS, 10);
    assertEquals(List.of(), beyond.records());
    assertEquals(RECORDS, beyond.total());
  }

  private void fill(String topic) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    byte[] value = "x".repeat(VALUE_BYTES).getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                64 * 1024),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < RECORDS; i++) {
        ProducerRecord<byte[], byte[]> record =
            new ProducerRecord<>(topic, i / (RECORDS / 3), null, value);
        record
            .headers()
            .add(DeadLetterRecord.REASON, ("refused " + i).getBytes(StandardCharsets.UTF_8));
        producer.send(record);
      }
      producer.flush();
    }
  }

  /** Adds up, when a consumer closes (its metrics go), the bytes it read from the network. */
  public static class ReceivedBytes implements MetricsReporter {

    private static final AtomicLong TOTAL = new AtomicLong();
    private volatile KafkaMetric incoming;

    static void reset() {
      TOTAL.set(0);
    }

    static long total() {
      return TOTAL.get();
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
      metrics.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
      if (metric.metricName().name().equals("incoming-byte-total")
          && metric.metricName().group().equals("consumer-metrics")) {
        incoming = metric;
      }
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
      if (metric == incoming) {
        count();
      }
    }

    @Override
    public void close() {
      count();
    }

    private synchronized void count() {
      if (incoming != null) {
        TOTAL.addAndGet((long) ((Number) incoming.metricValue()).doubleValue());
        incoming = null;
      }
    }

    @Override
    public void configure(Map<String, ?> configs) {}
  }
}
