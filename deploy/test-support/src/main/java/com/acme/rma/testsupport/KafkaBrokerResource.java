package com.acme.rma.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker (KRaft, one combined node) inside the test JVM, on a free port.
 *
 * <p>Set {@code RMA_TEST_KAFKA_BOOTSTRAP} to use an external broker instead (for example the local
 * stack's). Topics are auto-created on first use.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

  public static final String EXTERNAL_BOOTSTRAP_ENV = "RMA_TEST_KAFKA_BOOTSTRAP";

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
}
