package com.acme.rma.testsupport;

import com.acme.rma.contract.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.awaitility.Awaitility;

/**
 * A real Apache Kafka broker (KRaft, one combined node) inside the test JVM, on a free port.
 *
 * <p>Set {@code RMA_TEST_KAFKA_BOOTSTRAP} to use an external broker instead (for example the local
 * stack's). The contract's topics and the services' dead-letter topics are created at start, as the
 * local stack and the cluster's manifests create them, and are led by the broker before a service
 * runs: an idempotent producer whose first burst auto-creates a topic can have a request refused
 * while the partition is being created and a later one accepted, and then retries the first with
 * OUT_OF_ORDER_SEQUENCE_NUMBER until it expires (KAFKA-15591), which stalls an outbox relay. Other
 * topics are still auto-created on first use.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

  public static final String EXTERNAL_BOOTSTRAP_ENV = "RMA_TEST_KAFKA_BOOTSTRAP";

  private static final int PARTITIONS = 3;

  private KafkaClusterTestKit cluster;

  @Override
  public Map<String, String> start() {
    String external = System.getenv(EXTERNAL_BOOTSTRAP_ENV);
    if (external != null && !external.isBlank()) {
      return Map.of("kafka.bootstrap.servers", external);
    }
    try {
      cluster =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      // the builder's default is an unstable, not-yet-released version
                      .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
                      .build())
              .setConfigProp("auto.create.topics.enable", "true")
              .setConfigProp("num.partitions", "3")
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      createTopics(cluster.bootstrapServers());
      return Map.of("kafka.bootstrap.servers", cluster.bootstrapServers());
    } catch (Exception e) {
      throw new IllegalStateException("could not start the in-JVM Kafka broker", e);
    }
  }

  @Override
  public void stop() {
    if (cluster != null) {
      try {
        cluster.close();
      } catch (Exception e) {
        throw new IllegalStateException("could not stop the in-JVM Kafka broker", e);
      }
    }
  }

  private static void createTopics(String bootstrap) throws Exception {
    List<NewTopic> topics = new ArrayList<>();
    for (String name : Topics.ALL) {
      // the broker's default cleanup (delete) also for the compacted ones: tests may send
      // records without a key
      topics.add(new NewTopic(name, PARTITIONS, (short) 1));
    }
    for (String service : Topics.CONSUMING_SERVICES) {
      topics.add(new NewTopic(Topics.deadLetters(service), PARTITIONS, (short) 1));
    }
    List<String> names = topics.stream().map(NewTopic::name).toList();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(topics).all().get();
      // the controller has recorded them; wait until the broker's replica manager leads every
      // partition (it answers a list-offsets request only then)
      Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
      for (String name : names) {
        for (int p = 0; p < PARTITIONS; p++) {
          partitions.put(new TopicPartition(name, p), OffsetSpec.latest());
        }
      }
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .ignoreExceptions()
          .until(() -> admin.listOffsets(partitions).all().get().size() == partitions.size());
    }
  }
}
