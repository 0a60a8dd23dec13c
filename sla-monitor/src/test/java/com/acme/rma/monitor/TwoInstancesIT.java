package com.acme.rma.monitor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.testsupport.JwtResource;
import com.acme.rma.testsupport.KafkaBrokerResource;
import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.PostgresResource;
import com.acme.rma.testsupport.TestTokens;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real monitor processes (the packaged app) on one PostgreSQL and one broker; one is killed
 * with SIGKILL before the deadlines and later started again. Every clock's breach must reach {@code
 * sla.alerts} exactly once: the surviving replica fires them all, the restarted one fires nothing a
 * second time.
 */
class TwoInstancesIT {

  private static final int CLOCKS = 8;
  private static final Duration READY = Duration.ofSeconds(120);
  private static final Path APP =
      Path.of(System.getProperty("rma.app.dir", "target/quarkus-app"), "quarkus-run.jar");

  private static final PostgresResource postgres = new PostgresResource();
  private static final KafkaBrokerResource kafka = new KafkaBrokerResource();
  private static final Map<String, String> config = new HashMap<>();
  private static final List<Process> processes = new ArrayList<>();
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void infrastructure() {
    assertTrue(Files.isRegularFile(APP), APP + " is built by 'package' before this test runs");
    Map<String, String> jwt = new JwtResource().start();
    // the tokens this test signs; the apps get only the public key
    System.setProperty("smallrye.jwt.sign.key", jwt.get("smallrye.jwt.sign.key"));
    System.setProperty("smallrye.jwt.new-token.issuer", jwt.get("smallrye.jwt.new-token.issuer"));
    System.setProperty(
        "smallrye.jwt.new-token.audience", jwt.get("smallrye.jwt.new-token.audience"));
    config.put("mp.jwt.verify.publickey", jwt.get("mp.jwt.verify.publickey"));
    config.put("mp.jwt.verify.issuer", jwt.get("mp.jwt.verify.issuer"));
    config.putAll(postgres.start());
    config.putAll(kafka.start());
  }

  @AfterAll
  static void stopEverything() throws InterruptedException {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    kafka.stop();
    postgres.stop();
  }

  @Test
  void eachBreachIsAnnouncedExactlyOnceWhenOneOfTwoInstancesIsKilledAndRestarted()
      throws Exception {
    Instance first = Instance.start("first");
    Instance second = Instance.start("second");
    first.awaitReady();
    second.awaitReady();

    KafkaTestClient client = new KafkaTestClient(config.get("kafka.bootstrap.servers"));
    awaitGroupSettled();

    Map<String, Instant> dueAt = new LinkedHashMap<>();
    for (int i = 0; i < CLOCKS; i++) {
      String rma = Fixtures.newRmaNumber();
      // Gold Plus, due 4 h after authorization: 10 s from now, past its at-risk moment already
      Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(10_000 + 150L * i);
      dueAt.put(rma, due);
      client.sendCloudEvent(
          "rma.lifecycle",
          rma,
          "rma.authorized.v1",
          "/rma-intake",
          Fixtures.authorized(rma, "GOLD_PLUS", due.minus(Duration.ofHours(4))));
    }
    // every clock exists (its at-risk alert is out), on whichever instance consumed it
    client.readUntil("sla.alerts", seen -> count(seen, dueAt, "sla.at-risk.v1") == CLOCKS, READY);
    Instant firstDue = dueAt.values().stream().min(Instant::compareTo).orElseThrow();
    assertTrue(Instant.now().isBefore(firstDue), "the clocks were made only after their deadlines");

    first.kill(); // SIGKILL, before any deadline
    assertTrue(Instant.now().isBefore(firstDue), "killed before the first deadline");

    client.readUntil("sla.alerts", seen -> count(seen, dueAt, "sla.breached.v1") == CLOCKS, READY);

    Instance restarted = Instance.start("restarted");
    restarted.awaitReady();
    // read everything written until a while after the restart: no alert may come twice
    long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    List<ConsumerRecord<String, String>> all =
        client.readUntil("sla.alerts", seen -> System.nanoTime() > until, READY);

    for (String rma : dueAt.keySet()) {
      assertEquals(1, count(all, Map.of(rma, dueAt.get(rma)), "sla.breached.v1"), rma);
      assertEquals(1, count(all, Map.of(rma, dueAt.get(rma)), "sla.at-risk.v1"), rma);
      assertEquals(1, written(rma, "sla.breached.v1"), rma);
      assertEquals("BREACHED", second.state(rma));
      assertEquals("BREACHED", restarted.state(rma));
    }
    List<Long> delays = new ArrayList<>();
    for (ConsumerRecord<String, String> breach : breaches(all, dueAt)) {
      long delay = breach.timestamp() - dueAt.get(breach.key()).toEpochMilli();
      delays.add(delay);
      assertTrue(
          delay >= 0 && delay < 1000, "breach of " + breach.key() + " after " + delay + " ms");
    }
    System.out.println("breach delay deadline -> Kafka record, surviving instance (ms): " + delays);
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Both instances have joined the service's consumer group (two channels each) and the group has
   * settled: no rebalance will hold up the authorizations that are timed below.
   */
  private static void awaitGroupSettled() {
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", config.get("kafka.bootstrap.servers")))) {
      await()
          .atMost(READY)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                ConsumerGroupDescription group =
                    admin
                        .describeConsumerGroups(List.of("sla-monitor"))
                        .describedGroups()
                        .get("sla-monitor")
                        .get(10, TimeUnit.SECONDS);
                return group.groupState() == GroupState.STABLE && group.members().size() == 4;
              });
    }
  }

  private static long count(
      List<ConsumerRecord<String, String>> records, Map<String, Instant> rmas, String type) {
    return records.stream()
        .filter(r -> rmas.containsKey(r.key()))
        .filter(r -> type.equals(KafkaTestClient.header(r, "ce_type")))
        .count();
  }

  private static List<ConsumerRecord<String, String>> breaches(
      List<ConsumerRecord<String, String>> records, Map<String, Instant> rmas) {
    return records.stream()
        .filter(r -> rmas.containsKey(r.key()))
        .filter(r -> "sla.breached.v1".equals(KafkaTestClient.header(r, "ce_type")))
        .toList();
  }

  /** Outbox rows of this type for the RMA: what was committed, not only what was relayed. */
  private static long written(String rma, String type) throws SQLException {
    try (Connection db =
            DriverManager.getConnection(
                config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password"));
        PreparedStatement query =
            db.prepareStatement(
                "select count(*) from outbox_event where record_key = ? and type = ?")) {
      query.setString(1, rma);
      query.setString(2, type);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** One monitor process from the packaged app. */
  private record Instance(String name, int port, int managementPort, Process process) {

    static Instance start(String name) throws IOException {
      int port = freePort();
      // health and metrics: the packaged (prod) app's management interface, a port of its own
      int managementPort = freePort();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx256m");
      command.add("-Dquarkus.http.port=" + port);
      command.add("-DSLA_MONITOR_MANAGEMENT_PORT=" + managementPort);
      config.forEach((key, value) -> command.add("-D" + key + "=" + value));
      command.add("-jar");
      command.add(APP.toString());
      File log = Path.of("target", "it-" + name + ".log").toFile();
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log))
              .start();
      processes.add(process);
      return new Instance(name, port, managementPort, process);
    }

    void awaitReady() {
      await()
          .atMost(READY)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                assertTrue(process.isAlive(), name + " exited; see target/it-" + name + ".log");
                return readyStatus() == 200;
              });
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertTrue(process.waitFor(10, TimeUnit.SECONDS), name + " did not die");
    }

    String state(String rma) throws Exception {
      HttpResponse<String> response = get("/api/v1/slas/" + rma, TestTokens.ops());
      assertEquals(200, response.statusCode(), response.body());
      return Fixtures.parse(response.body()).get("state").asText();
    }

    private HttpResponse<String> get(String path, String token)
        throws IOException, InterruptedException {
      return get(port, path, token);
    }

    private HttpResponse<String> get(int onPort, String path, String token)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path))
              .timeout(Duration.ofSeconds(5));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int readyStatus() throws InterruptedException {
      try {
        return get(managementPort, "/q/health/ready", null).statusCode();
      } catch (IOException notListeningYet) {
        return -1;
      }
    }
  }
}
