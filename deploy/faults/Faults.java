import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fault suite's driver: loads entitlements, drives RMA requests and carrier events against
 * the local stack, runs the fault command mid-load, waits for the pipeline to settle and audits
 * from the outside (REST + topics). One scenario per JVM; see deploy/faults/README.md.
 *
 * <pre>
 *   java -cp CLASSPATH Faults offsets FILE          end offsets of every topic (run start)
 *   java -cp CLASSPATH Faults scenario NAME          settings as -D system properties
 * </pre>
 */
public class Faults {

  static final String INTAKE = "http://127.0.0.1:" + env("RMA_INTAKE_PORT", "8081");
  static final String REGISTRY = "http://127.0.0.1:" + env("ADDRESS_REGISTRY_PORT", "8082");
  static final String DISPATCH = "http://127.0.0.1:" + env("RMA_DISPATCH_PORT", "8083");
  static final String MONITOR = "http://127.0.0.1:" + env("SLA_MONITOR_PORT", "8084");
  static final String BOOTSTRAP = "127.0.0.1:" + env("KAFKA_PORT", "9092");

  static final List<String> TOPICS =
      List.of(
          "rma.entitlements",
          "rma.lifecycle",
          "dispatch.shipments",
          "logistics.carrier-events",
          "sla.alerts",
          "sla.clocks",
          "rma-intake.dlq",
          "address-registry.dlq",
          "rma-dispatch.dlq",
          "sla-monitor.dlq");
  static final List<String> DLQS =
      List.of("rma-intake.dlq", "address-registry.dlq", "rma-dispatch.dlq", "sla-monitor.dlq");

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  static String prop(String name, String fallback) {
    return System.getProperty(name, fallback);
  }

  static int intProp(String name, int fallback) {
    return Integer.parseInt(prop(name, Integer.toString(fallback)));
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("offsets")) {
      writeOffsets(Path.of(args[1]));
    } else if (args.length == 2 && args[0].equals("scenario") && args[1].equals("hostile")) {
      System.exit(hostile());
    } else if (args.length == 2 && args[0].equals("scenario")) {
      int code = new Scenario(args[1]).run();
      System.exit(code);
    } else {
      System.err.println("usage: Faults offsets FILE | Faults scenario NAME");
      System.exit(2);
    }
    System.exit(0);
  }

  // ------------------------------------------------------------------ hostile input

  /**
   * The hostile-input campaign (deploy/test-support HostileCampaign) against the local stack:
   * -Dhostile.requests (10,000) generated bad requests across every operation. Its 5xx count goes
   * into the results like a scenario's; anything else it finds (slow or non-problem answers, stack
   * traces, bad tokens let in, a service unhealthy or data written) fails the scenario.
   */
  static int hostile() throws Exception {
    Path runDir = Path.of(System.getProperty("run.dir"));
    int requests = Integer.getInteger("hostile.requests", 10_000);
    Path key = Path.of(System.getProperty("jwt.private-key"));
    long started = System.nanoTime();
    com.acme.rma.testsupport.HostileCampaign.Report report =
        new com.acme.rma.testsupport.HostileCampaign(
                List.of(
                    new com.acme.rma.testsupport.HostileCampaign.Service("rma-intake", INTAKE),
                    new com.acme.rma.testsupport.HostileCampaign.Service("address-registry", REGISTRY),
                    new com.acme.rma.testsupport.HostileCampaign.Service("rma-dispatch", DISPATCH),
                    new com.acme.rma.testsupport.HostileCampaign.Service("sla-monitor", MONITOR)),
                new com.acme.rma.testsupport.HostileCampaign.Signer(
                    com.acme.rma.testsupport.HostileCampaign.Signer.readPem(Files.readString(key)),
                    System.getProperty("jwt.issuer", "rma-local"),
                    System.getProperty("jwt.audience", "rma-api"),
                    "P-HOSTILE-1"),
                Long.getLong("hostile.seed", System.currentTimeMillis()))
            .run(requests);
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.println(report.summary());
    Files.writeString(
        runDir.resolve("results"),
        String.format("%s %d %d %d %d%n", "hostile", 0, 0, report.serverErrors, seconds),
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    return report.clean() || report.serverErrors > 0 && onlyServerErrors(report) ? 0 : 1;
  }

  /** 5xx are counted in the summary line (E); everything else fails the scenario. */
  private static boolean onlyServerErrors(com.acme.rma.testsupport.HostileCampaign.Report r) {
    return r.slow == 0 && r.traces == 0 && r.tokensAccepted == 0 && r.notProblem == 0
        && r.unanswered == 0 && r.healthyAfter && r.countsBefore.equals(r.countsAfter);
  }

  // ------------------------------------------------------------------ Kafka helpers

  static Properties kafkaProps() {
    Properties p = new Properties();
    p.put("bootstrap.servers", BOOTSTRAP);
    p.put("key.serializer", StringSerializer.class.getName());
    p.put("value.serializer", StringSerializer.class.getName());
    p.put("key.deserializer", StringDeserializer.class.getName());
    p.put("value.deserializer", StringDeserializer.class.getName());
    p.put("enable.auto.commit", "false");
    p.put("acks", "all");
    p.put("max.block.ms", "120000");
    p.put("delivery.timeout.ms", "180000");
    p.put("request.timeout.ms", "10000");
    p.put("default.api.timeout.ms", "60000");
    return p;
  }

  static Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(kafkaProps())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (String t : topics) {
        c.partitionsFor(t).forEach(pi -> parts.add(new TopicPartition(t, pi.partition())));
      }
      return new HashMap<>(c.endOffsets(parts));
    }
  }

  static void writeOffsets(Path file) throws IOException {
    StringBuilder sb = new StringBuilder();
    endOffsets(TOPICS)
        .forEach((tp, o) -> sb.append(tp.topic()).append(' ').append(tp.partition()).append(' ').append(o).append('\n'));
    Files.writeString(file, sb.toString());
  }

  static Map<TopicPartition, Long> readOffsets(Path file) throws IOException {
    Map<TopicPartition, Long> m = new HashMap<>();
    if (!Files.exists(file)) {
      return m;
    }
    for (String line : Files.readAllLines(file)) {
      String[] f = line.trim().split(" ");
      if (f.length == 3) {
        m.put(new TopicPartition(f[0], Integer.parseInt(f[1])), Long.parseLong(f[2]));
      }
    }
    return m;
  }

  /** Every record of TOPIC from the given offsets (0 where unknown) to the end as of now. */
  static List<ConsumerRecord<String, String>> readTopic(String topic, Map<TopicPartition, Long> from) {
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(kafkaProps())) {
      List<TopicPartition> parts = new ArrayList<>();
      c.partitionsFor(topic).forEach(pi -> parts.add(new TopicPartition(topic, pi.partition())));
      c.assign(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      for (TopicPartition tp : parts) {
        c.seek(tp, from.getOrDefault(tp, 0L));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline) {
        boolean done = true;
        for (TopicPartition tp : parts) {
          if (c.position(tp) < end.get(tp)) {
            done = false;
          }
        }
        if (done) {
          return out;
        }
        c.poll(Duration.ofMillis(500)).forEach(out::add);
      }
      throw new IllegalStateException("could not read " + topic + " to its end within 120 s");
    }
  }

  static final List<String> GROUPS = List.of("rma-intake", "address-registry", "rma-dispatch", "sla-monitor");
  static org.apache.kafka.clients.admin.Admin admin;

  /**
   * Sum of the committed offsets of the services' consumer groups: while it moves, the pipeline
   * is still working (e.g. through a replayed backlog), so the settle wait goes on. -1 if unknown.
   */
  static synchronized long consumerProgress() {
    try {
      if (admin == null) {
        admin = org.apache.kafka.clients.admin.Admin.create(kafkaProps());
      }
      long sum = 0;
      for (String g : GROUPS) {
        for (var o : admin.listConsumerGroupOffsets(g).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).values()) {
          if (o != null) {
            sum += o.offset();
          }
        }
      }
      return sum;
    } catch (Exception e) {
      return -1;
    }
  }

  static String header(ConsumerRecord<String, String> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ HTTP helpers

  record Answer(int status, String body, String retryAfter) {}

  static Answer call(String method, String url, String token, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    headers.forEach(b::header);
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode parse(String s) {
    try {
      return JSON.readTree(s);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  // ------------------------------------------------------------------ a scenario

  enum Kind {
    GOLD_PLUS_JP,
    GOLD_PLUS_US,
    GOLD,
    SILVER
  }

  /** What the driver does with an RMA once its shipment exists. */
  enum Plan {
    NONE,
    REST_SHIP_DELIVER,
    REST_SHIP,
    KAFKA_SHIP,
    CANCEL
  }

  enum PoisonKind {
    MALFORMED,
    NO_HEADERS,
    WRONG_TYPES
  }

  record Poison(String topic, int partition, long offset, String key, Set<String> dlqs) {}

  static final class Rma {
    final int index;
    final String serial;
    final String partner;
    final Kind kind;
    final String key;
    volatile Plan plan;
    volatile PoisonKind poisonBefore; // poison scenario: the record sent just before the plan's
    volatile String number; // from the 201
    volatile String answeredStatus;
    volatile String finalFailure; // a request that never got 201
    volatile boolean planDone;
    volatile boolean complete;
    volatile String missing = "not checked";

    Rma(int index, String serial, String partner, Kind kind, String key) {
      this.index = index;
      this.serial = serial;
      this.partner = partner;
      this.kind = kind;
      this.key = key;
    }
  }

  static final class Scenario {
    final String name;
    final Path runDir = Path.of(prop("run.dir", "."));
    final String runId = prop("run.id", "local");
    final int rmas = intProp("rmas", 60);
    final int paceSeconds = intProp("pace", 15);
    final double injectAt = Double.parseDouble(prop("inject.at", "0.33"));
    final String inject = prop("inject", "");
    final boolean poison = Boolean.parseBoolean(prop("poison", "false"));
    final boolean auditAll = Boolean.parseBoolean(prop("audit.all", "false"));
    final int settleIdle = intProp("settle.idle", 20);
    final int settleMax = intProp("settle.max", 120);
    final int requestDeadline = intProp("request.deadline", 240);
    final int clients = intProp("clients", 24);
    final Map<String, String> tokens = new HashMap<>();
    final List<Rma> all = new ArrayList<>();
    final AtomicInteger e5xx = new AtomicInteger();
    final AtomicInteger retried503 = new AtomicInteger();
    final AtomicInteger connRetried = new AtomicInteger();
    final AtomicInteger timeouts = new AtomicInteger();
    final AtomicInteger conflictRetried = new AtomicInteger();
    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger carrierRefused = new AtomicInteger();
    final Map<String, AtomicInteger> fiveXxCodes = new ConcurrentHashMap<>();
    final List<Poison> poisons = new ArrayList<>();
    final List<String> notes = java.util.Collections.synchronizedList(new ArrayList<>());
    final Set<String> entitlementFollowers = ConcurrentHashMap.newKeySet();
    final AtomicInteger entitlementFollowersApplied = new AtomicInteger();
    KafkaProducer<String, String> producer;
    final long started = System.nanoTime();
    final StringBuilder phases = new StringBuilder();
    final String prefix;

    long elapsed() {
      return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    }

    Scenario(String name) throws IOException {
      this.name = name;
      this.prefix = "F" + runId + "-" + name.replaceAll("[^a-z]", "").substring(0, Math.min(6, name.replaceAll("[^a-z]", "").length()));
      for (String role : List.of("ops", "logistics", "P-1001", "P-1002", "P-2001")) {
        tokens.put(role, Files.readString(runDir.resolve("tokens").resolve(role)).trim());
      }
    }

    int run() throws Exception {
      Map<TopicPartition, Long> dlqStart = endOffsets(DLQS);
      producer = new KafkaProducer<>(kafkaProps());
      try {
        prepare();
        phases.append("prepare ").append(elapsed()).append(" s");
        Thread injector = load();
        if (injector != null) {
          injector.join(TimeUnit.SECONDS.toMillis(600));
        }
        phases.append(", load+fault ").append(elapsed()).append(" s");
        settle();
        phases.append(", settled ").append(elapsed()).append(" s");
        return audit(dlqStart);
      } finally {
        producer.close(Duration.ofSeconds(10));
        if (admin != null) {
          admin.close(Duration.ofSeconds(5));
        }
      }
    }

    // -------------------------------------------------- 1. entitlements and sites

    void prepare() throws Exception {
      for (int i = 0; i < rmas; i++) {
        Kind kind =
            switch (i % 10) {
              case 0, 1, 2, 3 -> Kind.GOLD_PLUS_JP;
              case 4 -> Kind.GOLD_PLUS_US;
              case 5, 6, 7 -> Kind.GOLD;
              default -> Kind.SILVER;
            };
        String partner = kind == Kind.GOLD_PLUS_US ? "P-2001" : (i % 2 == 0 ? "P-1001" : "P-1002");
        Rma r = new Rma(i, prefix + "-" + String.format("%05d", i), partner, kind, prefix + "-key-" + i);
        r.plan =
            switch (i % 4) {
              case 0 -> Plan.REST_SHIP_DELIVER;
              case 1 -> Plan.KAFKA_SHIP;
              case 2 -> Plan.REST_SHIP;
              default -> Plan.NONE;
            };
        all.add(r);
      }
      if (poison) {
        assignPoisonFollowers();
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> fs = new ArrayList<>();
      for (Rma r : all) {
        fs.add(pool.submit(() -> putEntitlement(r.serial, r.partner, r.kind == Kind.SILVER ? "SILVER" : r.kind == Kind.GOLD ? "GOLD" : "GOLD_PLUS")));
      }
      for (Future<?> f : fs) {
        f.get();
      }
      fs.clear();
      for (Rma r : all) {
        if (r.kind == Kind.GOLD_PLUS_JP || r.kind == Kind.GOLD_PLUS_US) {
          fs.add(pool.submit(() -> putSite(r.serial, r.partner, r.kind == Kind.GOLD_PLUS_JP)));
        }
      }
      for (Future<?> f : fs) {
        f.get();
      }
      pool.shutdown();
    }

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    void putEntitlement(String serial, String partner, String level) {
      LocalDate today = LocalDate.now(TOKYO);
      String body =
          String.format(
              "{\"serialNumber\":\"%s\",\"partnerId\":\"%s\",\"customerId\":\"C-%s\",\"productModel\":\"MPX 9100\","
                  + "\"maintenanceLevel\":\"%s\",\"contractStart\":\"%s\",\"contractEnd\":\"%s\",\"hardwareShipDate\":\"%s\"}",
              serial, partner, serial, level, today.minusYears(2), today.plusYears(1), today.minusYears(2));
      retrySetup("PUT", INTAKE + "/api/v1/entitlements/" + serial, tokens.get("ops"), body, 60);
    }

    void putSite(String serial, String partner, boolean japan) {
      String body =
          japan
              ? "{\"line1\":\"1-1 Marunouchi\",\"city\":\"Chiyoda-ku\",\"region\":\"Tokyo\",\"postalCode\":\"100-0005\",\"country\":\"JP\",\"latitude\":35.6812,\"longitude\":139.7671}"
              : "{\"line1\":\"1 Infinite Way\",\"city\":\"Palo Alto\",\"region\":\"CA\",\"postalCode\":\"94301\",\"country\":\"US\",\"latitude\":37.4419,\"longitude\":-122.1430}";
      // the registry learns the owner over rma.entitlements: 403/404 until then
      retrySetup("PUT", REGISTRY + "/api/v1/sites/" + serial + "/address", tokens.get(partner), body, 90);
    }

    /** Set-up calls: retried until 2xx or the deadline (seconds); failing set-up aborts. */
    Answer retrySetup(String method, String url, String token, String body, int seconds) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      Answer last = null;
      String error = null;
      while (System.nanoTime() < deadline) {
        try {
          last = call(method, url, token, body, Map.of());
          if (last.status() / 100 == 2) {
            return last;
          }
        } catch (IOException e) {
          error = e.toString();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        sleep(300);
      }
      throw new IllegalStateException(
          "set-up " + method + " " + url + " failed: " + (last == null ? error : last.status() + " " + last.body()));
    }

    // -------------------------------------------------- 2. load, carrier events, the fault

    Thread load() throws Exception {
      ExecutorService clientsPool = Executors.newFixedThreadPool(clients);
      ExecutorService carrierPool = Executors.newFixedThreadPool(4);
      ConcurrentLinkedQueue<Rma> waitingForShipment = new ConcurrentLinkedQueue<>();
      AtomicLong pendingCarrier = new AtomicLong();
      java.util.concurrent.atomic.AtomicReference<Thread> injector = new java.util.concurrent.atomic.AtomicReference<>();
      java.util.concurrent.atomic.AtomicBoolean submitting = new java.util.concurrent.atomic.AtomicBoolean(true);
      AtomicInteger inFlight = new AtomicInteger();
      // carrier events: once the shipment exists (dispatch consumed rma.authorized.v1)
      Thread carrier =
          new Thread(
              () -> {
                long lastProgress = System.nanoTime();
                long lastPending = -1;
                boolean wasDone = false;
                while (true) {
                  Thread inj = injector.get();
                  boolean loadDone =
                      !submitting.get() && inFlight.get() == 0 && (inj == null || !inj.isAlive());
                  long pending = pendingCarrier.get() * 1_000_000_007L + consumerProgress();
                  if (pending != lastPending || (loadDone && !wasDone)) {
                    lastPending = pending;
                    lastProgress = System.nanoTime();
                  }
                  wasDone = loadDone;
                  if (loadDone && pendingCarrier.get() == 0) {
                    return;
                  }
                  if (loadDone
                      && System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(settleIdle)) {
                    break;
                  }
                  int n = waitingForShipment.size();
                  List<Future<?>> round = new ArrayList<>();
                  for (int i = 0; i < n; i++) {
                    Rma r = waitingForShipment.poll();
                    if (r == null) {
                      break;
                    }
                    round.add(
                        carrierPool.submit(
                            () -> {
                              if (shipmentExists(r)) {
                                carry(r);
                                pendingCarrier.decrementAndGet();
                              } else {
                                waitingForShipment.add(r);
                              }
                            }));
                  }
                  for (Future<?> f : round) {
                    try {
                      f.get();
                    } catch (Exception e) {
                      notes.add("carrier: " + e);
                    }
                  }
                  sleep(1000);
                }
                if (pendingCarrier.get() > 0) {
                  notes.add(pendingCarrier.get() + " carrier plans never ran (no shipment appeared)");
                }
              },
              "carrier");
      carrier.start();
      long interval = TimeUnit.SECONDS.toNanos(paceSeconds) / Math.max(1, rmas);
      long t0 = System.nanoTime();
      int injectIndex = (int) Math.floor(rmas * injectAt);
      List<Future<?>> requests = new ArrayList<>();
      for (Rma r : all) {
        long due = t0 + r.index * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        if (r.index == injectIndex && (!inject.isBlank() || poison)) {
          Thread t = new Thread(this::injectFault, "inject");
          injector.set(t);
          t.start();
        }
        inFlight.incrementAndGet();
        requests.add(
            clientsPool.submit(
                () -> {
                  try {
                    request(r);
                    if (r.number != null && "AUTHORIZED".equals(r.answeredStatus) && r.plan != Plan.NONE) {
                      pendingCarrier.incrementAndGet();
                      waitingForShipment.add(r);
                    }
                  } finally {
                    inFlight.decrementAndGet();
                  }
                }));
      }
      submitting.set(false);
      for (Future<?> f : requests) {
        f.get();
      }
      clientsPool.shutdown();
      if (injector.get() != null) {
        injector.get().join(TimeUnit.SECONDS.toMillis(600));
      }
      carrier.join();
      carrierPool.shutdown();
      return injector.get();
    }

    void injectFault() {
      try {
        if (poison) {
          injectEntitlementPoisons();
        }
        if (!inject.isBlank()) {
          Process p = new ProcessBuilder("bash", "-c", inject).inheritIO().redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolve("inject.log").toFile())).redirectError(ProcessBuilder.Redirect.appendTo(runDir.resolve("inject.log").toFile())).start();
          if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            notes.add("the fault command did not finish within 600 s");
          } else if (p.exitValue() != 0) {
            notes.add("the fault command failed (exit " + p.exitValue() + "), see " + runDir.resolve("inject.log"));
          }
        }
      } catch (Exception e) {
        notes.add("inject: " + e);
      }
    }

    /** POST /api/v1/rmas until 201 or a final answer; same key and body on every retry. */
    void request(Rma r) {
      String body =
          switch (r.kind) {
            case GOLD_PLUS_JP, GOLD_PLUS_US ->
                String.format(
                    "{\"serialNumber\":\"%s\",\"component\":\"%s\",\"faultDescription\":\"fault suite %s #%d\"}",
                    r.serial, component(r.index), runId, r.index);
            default ->
                String.format(
                    "{\"serialNumber\":\"%s\",\"component\":\"%s\",\"faultDescription\":\"fault suite %s #%d\","
                        + "\"shipTo\":{\"line1\":\"1-2-3 Shibuya\",\"city\":\"Shibuya-ku\",\"postalCode\":\"150-0002\",\"country\":\"JP\"}}",
                    r.serial, component(r.index), runId, r.index);
          };
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(requestDeadline);
      String last = "no answer";
      int conflicts = 0;
      while (System.nanoTime() < deadline) {
        Answer a;
        try {
          a = call("POST", INTAKE + "/api/v1/rmas", tokens.get(r.partner), body, Map.of("Idempotency-Key", r.key));
        } catch (IOException e) {
          connRetried.incrementAndGet();
          if (e instanceof java.net.http.HttpTimeoutException) {
            timeouts.incrementAndGet();
          }
          last = e.getClass().getSimpleName();
          sleep(1000);
          continue;
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        if (a.status() == 201) {
          JsonNode n = parse(a.body());
          r.number = n.path("rmaNumber").asText(null);
          r.answeredStatus = n.path("status").asText(null);
          answered.incrementAndGet();
          return;
        }
        if ((a.status() == 503 || a.status() == 429) && a.retryAfter() != null) {
          retried503.incrementAndGet();
          sleep(1000L * Math.max(1, Math.min(30, parseIntOr(a.retryAfter(), 5))));
          continue;
        }
        if (a.status() >= 500) {
          e5xx.incrementAndGet();
          fiveXxCodes.computeIfAbsent(a.status() + " " + parse(a.body()).path("code").asText("?"), k -> new AtomicInteger()).incrementAndGet();
          sleep(1000); // a client retries with the same key
          continue;
        }
        String code = parse(a.body()).path("code").asText(a.body());
        if (a.status() == 409 && "RMA_ALREADY_OPEN".equals(code) && conflicts++ < 3) {
          // our own earlier attempt (timed out, or cut by a fault) may still be committing:
          // the same key again must end in that RMA
          conflictRetried.incrementAndGet();
          sleep(2000);
          continue;
        }
        r.finalFailure = a.status() + " " + code;
        String named = parse(a.body()).path("rmaNumber").asText(null);
        if ("RMA_ALREADY_OPEN".equals(code) && named != null && rmaMissing(named)) {
          r.finalFailure += " naming an RMA intake does not have (a phantom lock)";
        }
        return;
      }
      r.finalFailure = "no 201 within " + requestDeadline + " s (last: " + last + ")";
    }

    boolean rmaMissing(String number) {
      try {
        return call("GET", INTAKE + "/api/v1/rmas/" + number, tokens.get("ops"), null, Map.of()).status() == 404;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    static int parseIntOr(String s, int fallback) {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }

    static String component(int i) {
      String[] c = {"POWER_SUPPLY", "FAN", "DISK", "SSD", "MEMORY", "NETWORK_CARD", "CHASSIS"};
      return c[i % c.length];
    }

    boolean shipmentExists(Rma r) {
      try {
        return call("GET", DISPATCH + "/api/v1/shipments/" + r.number, tokens.get("logistics"), null, Map.of()).status() == 200;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    void carry(Rma r) {
      try {
        if (r.poisonBefore != null) {
          String topic =
              switch (r.plan) {
                case CANCEL -> "rma.lifecycle";
                case REST_SHIP -> "dispatch.shipments";
                default -> "logistics.carrier-events";
              };
          sendPoison(topic, r.number, r.poisonBefore);
        }
        switch (r.plan) {
          case REST_SHIP_DELIVER -> {
            carrierEvent(r, "SHIPPED");
            carrierEvent(r, "DELIVERED");
          }
          case REST_SHIP -> carrierEvent(r, "SHIPPED");
          case KAFKA_SHIP -> sendCarrierRecord(r.number, "SHIPPED");
          case CANCEL -> {
            Answer a = restRetry("POST", INTAKE + "/api/v1/rmas/" + r.number + "/cancel", tokens.get("ops"), null);
            if (a == null || a.status() != 200) {
              notes.add("cancel of " + r.number + " answered " + (a == null ? "nothing" : a.status() + " " + a.body()));
            }
          }
          default -> {}
        }
        r.planDone = true;
      } catch (Exception e) {
        notes.add("carrier " + r.number + ": " + e);
      }
    }

    void carrierEvent(Rma r, String type) {
      String body =
          "SHIPPED".equals(type)
              ? String.format("{\"type\":\"SHIPPED\",\"occurredAt\":\"%s\",\"carrier\":\"Yamato Transport\",\"trackingNumber\":\"T-%s\"}", Instant.now(), r.number)
              : String.format("{\"type\":\"%s\",\"occurredAt\":\"%s\"}", type, Instant.now());
      Answer a = restRetry("POST", DISPATCH + "/api/v1/shipments/" + r.number + "/events", tokens.get("logistics"), body);
      if (a == null || a.status() / 100 != 2) {
        carrierRefused.incrementAndGet();
        notes.add(type + " for " + r.number + " answered " + (a == null ? "nothing" : a.status() + " " + a.body()));
      }
    }

    /** REST call with the client rules: 503/429 + Retry-After and connection errors retried. */
    Answer restRetry(String method, String url, String token, String body) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(requestDeadline);
      while (System.nanoTime() < deadline) {
        try {
          Answer a = call(method, url, token, body, Map.of());
          if ((a.status() == 503 || a.status() == 429) && a.retryAfter() != null) {
            retried503.incrementAndGet();
            sleep(1000L * Math.max(1, Math.min(30, parseIntOr(a.retryAfter(), 5))));
            continue;
          }
          if (a.status() >= 500) {
            e5xx.incrementAndGet();
            fiveXxCodes.computeIfAbsent(a.status() + " " + parse(a.body()).path("code").asText("?") + " (" + method + " " + url.replaceAll("RMA-[0-9-]+", "{n}").replaceAll("^http://[^/]+", "") + ")", k -> new AtomicInteger()).incrementAndGet();
            sleep(1000);
            continue;
          }
          return a;
        } catch (IOException e) {
          connRetried.incrementAndGet();
          sleep(1000);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
      return null;
    }

    RecordMetadata send(ProducerRecord<String, String> rec) throws Exception {
      return producer.send(rec).get(180, TimeUnit.SECONDS);
    }

    void sendCarrierRecord(String rmaNumber, String type) throws Exception {
      String value =
          String.format(
              "{\"rmaNumber\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"%s\",\"carrier\":\"Yamato Transport\",\"trackingNumber\":\"K-%s\"}",
              rmaNumber, type, Instant.now(), rmaNumber);
      send(cloudEvent("logistics.carrier-events", rmaNumber, "logistics.carrier.status.v1", value, true, false));
    }

    ProducerRecord<String, String> cloudEvent(
        String topic, String key, String type, String value, boolean withIds, boolean poison) {
      ProducerRecord<String, String> rec = new ProducerRecord<>(topic, key, value);
      rec.headers().add(new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)));
      if (withIds) {
        rec.headers().add(new RecordHeader("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        rec.headers().add(new RecordHeader("ce_source", "/fault-suite".getBytes(StandardCharsets.UTF_8)));
      }
      rec.headers().add(new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)));
      rec.headers().add(new RecordHeader("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8)));
      rec.headers().add(new RecordHeader("content-type", "application/json".getBytes(StandardCharsets.UTF_8)));
      if (poison) {
        rec.headers().add(new RecordHeader("fault-suite-poison", runId.getBytes(StandardCharsets.UTF_8)));
      }
      return rec;
    }

    // -------------------------------------------------- poison records

    /**
     * Poison scenario: nine RMAs (Gold Plus in Japan or Gold) get another carrier plan: three are cancelled (the valid
     * rma.cancelled.v1 follows a poison on rma.lifecycle), three shipped over REST (the valid
     * dispatch.shipment.shipped.v1 follows a poison on dispatch.shipments), three shipped over
     * Kafka (the valid carrier record follows a poison on logistics.carrier-events). Entitlement
     * poisons are sent by the fault thread.
     */
    void assignPoisonFollowers() {
      int from = (int) Math.floor(rmas * injectAt);
      List<Rma> free = new ArrayList<>();
      for (Rma r : all) {
        if (r.index >= from && (r.kind == Kind.GOLD_PLUS_JP || r.kind == Kind.GOLD)) {
          free.add(r); // its carrier plan is replaced by the poison follower's
        }
      }
      Plan[] plans = {Plan.CANCEL, Plan.REST_SHIP, Plan.KAFKA_SHIP};
      int k = 0;
      for (Plan p : plans) {
        for (PoisonKind pk : PoisonKind.values()) {
          if (k >= free.size()) {
            notes.add("too few RMAs for every poison follower: raise --rmas");
            return;
          }
          Rma r = free.get(k++);
          r.plan = p;
          r.poisonBefore = pk;
        }
      }
    }

    void injectEntitlementPoisons() throws Exception {
      for (PoisonKind pk : PoisonKind.values()) {
        String serial = prefix + "-ent-" + pk.name().toLowerCase().replace('_', '-');
        sendPoison("rma.entitlements", serial, pk);
        entitlementFollowers.add(serial);
        putEntitlement(serial, "P-1001", "GOLD_PLUS");
        try {
          putSite(serial, "P-1001", true); // succeeds once the registry applied the valid record
          entitlementFollowersApplied.incrementAndGet();
        } catch (IllegalStateException e) {
          notes.add("entitlement after poison not applied by address-registry: " + serial);
        }
      }
    }

    void sendPoison(String topic, String key, PoisonKind kind) throws Exception {
      String type =
          switch (topic) {
            case "rma.lifecycle" -> "rma.cancelled.v1";
            case "dispatch.shipments" -> "dispatch.shipment.shipped.v1";
            case "logistics.carrier-events" -> "logistics.carrier.status.v1";
            default -> "rma.entitlement.changed.v1";
          };
      String value =
          switch (kind) {
            case MALFORMED -> "{\"rmaNumber\":\"" + key + "\",\"poison\":\"" + runId + "\", oops";
            case NO_HEADERS -> "{\"rmaNumber\":\"" + key + "\",\"serialNumber\":\"" + key + "\",\"poison\":\"" + runId + "\"}";
            case WRONG_TYPES ->
                "{\"rmaNumber\":{\"poison\":\"" + runId + "\"},\"serialNumber\":{\"n\":1},\"partnerId\":[1],\"type\":7,"
                    + "\"at\":true,\"occurredAt\":[1,2],\"maintenanceLevel\":{\"x\":1},\"contractStart\":false}";
          };
      RecordMetadata m = send(cloudEvent(topic, key, type, value, kind != PoisonKind.NO_HEADERS, true));
      Set<String> dlqs =
          switch (topic) {
            case "rma.lifecycle" -> Set.of("rma-dispatch.dlq", "address-registry.dlq", "sla-monitor.dlq");
            case "dispatch.shipments" -> Set.of("rma-intake.dlq", "sla-monitor.dlq");
            case "logistics.carrier-events" -> Set.of("rma-dispatch.dlq");
            default -> Set.of("address-registry.dlq");
          };
      synchronized (poisons) {
        poisons.add(new Poison(topic, m.partition(), m.offset(), key, dlqs));
      }
      Files.writeString(
          runDir.resolve("poisons"),
          topic + " " + m.partition() + " " + m.offset() + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }

    // -------------------------------------------------- 4. settle

    List<Rma> issued() {
      List<Rma> l = new ArrayList<>();
      for (Rma r : all) {
        if (r.number != null) {
          l.add(r);
        }
      }
      return l;
    }

    /** Polls REST until every issued RMA shows all its effects, or nothing moves for a while. */
    void settle() {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settleMax);
      long lastProgress = System.nanoTime();
      int lastComplete = -1;
      long lastMoved = -2;
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        while (true) {
          List<Future<?>> fs = new ArrayList<>();
          for (Rma r : issued()) {
            if (!r.complete) {
              fs.add(pool.submit(() -> check(r)));
            }
          }
          for (Future<?> f : fs) {
            try {
              f.get();
            } catch (Exception e) {
              // counted as incomplete
            }
          }
          int complete = (int) issued().stream().filter(r -> r.complete).count();
          if (complete == issued().size()) {
            return;
          }
          long moved = consumerProgress();
          if (complete != lastComplete || moved != lastMoved) {
            lastComplete = complete;
            lastMoved = moved;
            lastProgress = System.nanoTime();
          }
          if (System.nanoTime() > deadline || System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(settleIdle)) {
            return;
          }
          sleep(2000);
        }
      } finally {
        pool.shutdown();
      }
    }

    /** One RMA: shipment, SLA clock and the state its carrier plan leads to. */
    void check(Rma r) {
      try {
        Answer rma = call("GET", INTAKE + "/api/v1/rmas/" + r.number, tokens.get("ops"), null, Map.of());
        String status = parse(rma.body()).path("status").asText("?");
        if (rma.status() != 200) {
          r.missing = "RMA unreadable (" + rma.status() + ")";
          return;
        }
        if ("QUEUED".equals(status)) {
          r.missing = "queued";
          r.complete = true; // outside support hours: nothing downstream yet, legitimately
          return;
        }
        Answer ship = call("GET", DISPATCH + "/api/v1/shipments/" + r.number, tokens.get("logistics"), null, Map.of());
        if (ship.status() != 200) {
          r.missing = "no shipment";
          return;
        }
        Answer sla = call("GET", MONITOR + "/api/v1/slas/" + r.number, tokens.get("ops"), null, Map.of());
        if (sla.status() != 200) {
          r.missing = "no SLA clock";
          return;
        }
        String shipStatus = parse(ship.body()).path("status").asText("?");
        String slaState = parse(sla.body()).path("state").asText("?");
        if (r.plan != Plan.NONE && !r.planDone) {
          r.missing = "carrier plan " + r.plan + " not run";
          return;
        }
        String want =
            switch (r.plan) {
              case REST_SHIP_DELIVER -> "DELIVERED/CLOSED";
              case REST_SHIP, KAFKA_SHIP -> "SHIPPED/SHIPPED";
              case CANCEL -> "CANCELLED/CANCELLED";
              default -> null;
            };
        if (want != null && !want.equals(shipStatus + "/" + status)) {
          r.missing = "shipment/RMA " + shipStatus + "/" + status + ", expected " + want;
          return;
        }
        if (r.plan == Plan.CANCEL && !"CANCELLED".equals(slaState)) {
          r.missing = "SLA clock " + slaState + " after cancel";
          return;
        }
        if (r.kind == Kind.GOLD_PLUS_JP || r.kind == Kind.GOLD_PLUS_US) {
          Answer site = call("GET", REGISTRY + "/api/v1/sites/" + r.serial, tokens.get("ops"), null, Map.of());
          JsonNode lock = parse(site.body()).path("lock");
          String lockedBy = lock.isMissingNode() || lock.isNull() ? null : lock.path("rmaNumber").asText(null);
          boolean ended = "CLOSED".equals(status) || "CANCELLED".equals(status);
          if (ended && lockedBy != null) {
            r.missing = "site still locked by " + lockedBy + " after the RMA ended";
            return;
          }
        }
        r.missing = null;
        r.complete = true;
      } catch (Exception e) {
        r.missing = "check failed: " + e.getClass().getSimpleName();
      }
    }

    // -------------------------------------------------- 5. audit

    int audit(Map<TopicPartition, Long> dlqStart) throws Exception {
      Map<TopicPartition, Long> runStart = readOffsets(runDir.resolve("run-start.offsets"));
      List<Rma> issued = issued();
      Map<String, Rma> byNumber = new HashMap<>();
      issued.forEach(r -> byNumber.put(r.number, r));
      Set<String> serials = new HashSet<>();
      all.forEach(r -> serials.add(r.serial));
      serials.addAll(entitlementFollowers);
      Map<String, Integer> lostWhy = new TreeMap<>();
      int lost = 0;
      int queued = 0;
      for (Rma r : all) {
        if (r.number == null) {
          lost++;
          lostWhy.merge("no 201: " + r.finalFailure, 1, Integer::sum);
        } else if ("queued".equals(r.missing)) {
          queued++;
        } else if (r.missing != null) {
          lost++;
          lostWhy.merge(r.missing.replaceAll("RMA-[0-9-]+", "RMA-…"), 1, Integer::sum);
        }
      }
      int poisonFollowersLost = entitlementFollowers.size() - entitlementFollowersApplied.get();
      if (poisonFollowersLost > 0) {
        lost += poisonFollowersLost;
        lostWhy.merge("entitlement after a poison not applied", poisonFollowersLost, Integer::sum);
      }

      // rma.lifecycle to its end: distinct ce_id of rma.authorized.v1 per RMA
      Map<String, Map<String, Integer>> authorized = new HashMap<>();
      Set<String> phantoms = new HashSet<>();
      for (ConsumerRecord<String, String> rec : readTopic("rma.lifecycle", runStart)) {
        if (!"rma.authorized.v1".equals(header(rec, "ce_type"))) {
          continue;
        }
        JsonNode v = parse(rec.value());
        String number = v.path("rmaNumber").asText(rec.key());
        String serial = v.path("serialNumber").asText("");
        if (serials.contains(serial) && !byNumber.containsKey(number)) {
          phantoms.add(number);
        }
        authorized.computeIfAbsent(number, k -> new HashMap<>()).merge(String.valueOf(header(rec, "ce_id")), 1, Integer::sum);
      }
      int duplicated = 0;
      int redelivered = 0;
      Map<String, Integer> dupWhy = new TreeMap<>();
      Map<String, Integer> countsNow = new HashMap<>();
      for (Rma r : issued) {
        if ("queued".equals(r.missing)) {
          continue;
        }
        Map<String, Integer> ids = authorized.getOrDefault(r.number, Map.of());
        countsNow.put("authorized " + r.number, ids.size());
        if (ids.isEmpty()) {
          if (r.missing == null) {
            lost++;
            lostWhy.merge("no rma.authorized.v1 on rma.lifecycle", 1, Integer::sum);
          }
        } else if (ids.size() > 1) {
          duplicated += ids.size() - 1;
          dupWhy.merge("rma.authorized.v1 with a second ce_id", ids.size() - 1, Integer::sum);
        }
        for (int copies : ids.values()) {
          redelivered += copies - 1;
        }
      }
      // dispatch.shipments: one created per RMA
      Map<String, Map<String, Integer>> created = new HashMap<>();
      for (ConsumerRecord<String, String> rec : readTopic("dispatch.shipments", runStart)) {
        if ("dispatch.shipment.created.v1".equals(header(rec, "ce_type"))) {
          created.computeIfAbsent(rec.key(), k -> new HashMap<>()).merge(String.valueOf(header(rec, "ce_id")), 1, Integer::sum);
        }
      }
      for (Rma r : issued) {
        Map<String, Integer> ids = created.getOrDefault(r.number, Map.of());
        countsNow.put("created " + r.number, ids.size());
        if (ids.size() > 1) {
          duplicated += ids.size() - 1;
          dupWhy.merge("second dispatch.shipment.created.v1", ids.size() - 1, Integer::sum);
        }
        for (int copies : ids.values()) {
          redelivered += copies - 1;
        }
      }
      // sla.alerts: no (rmaNumber, ce_type) twice
      Map<String, Map<String, Integer>> alerts = new HashMap<>();
      for (ConsumerRecord<String, String> rec : readTopic("sla.alerts", runStart)) {
        alerts.computeIfAbsent(rec.key() + " " + header(rec, "ce_type"), k -> new HashMap<>()).merge(String.valueOf(header(rec, "ce_id")), 1, Integer::sum);
      }
      int alertCount = 0;
      for (Map.Entry<String, Map<String, Integer>> e : alerts.entrySet()) {
        String number = e.getKey().substring(0, e.getKey().indexOf(' '));
        if (!byNumber.containsKey(number)) {
          continue;
        }
        alertCount += e.getValue().size();
        countsNow.put("alert " + e.getKey(), e.getValue().size());
        if (e.getValue().size() > 1) {
          duplicated += e.getValue().size() - 1;
          dupWhy.merge("alert fired twice", e.getValue().size() - 1, Integer::sum);
        }
        for (int copies : e.getValue().values()) {
          redelivered += copies - 1;
        }
      }
      // replay: what earlier scenarios of the run counted, compared with now
      if (auditAll) {
        Map<String, Integer> before = new HashMap<>();
        try (var files = Files.list(runDir)) {
          for (Path f : files.filter(p -> p.getFileName().toString().startsWith("counts-")).toList()) {
            for (String line : Files.readAllLines(f)) {
              int sp = line.lastIndexOf(' ');
              before.put(line.substring(0, sp), Integer.parseInt(line.substring(sp + 1)));
            }
          }
        }
        Map<String, Integer> nowAll = new HashMap<>();
        for (Map.Entry<String, Map<String, Integer>> e : authorized.entrySet()) {
          nowAll.put("authorized " + e.getKey(), e.getValue().size());
        }
        for (Map.Entry<String, Map<String, Integer>> e : created.entrySet()) {
          nowAll.put("created " + e.getKey(), e.getValue().size());
        }
        for (Map.Entry<String, Map<String, Integer>> e : alerts.entrySet()) {
          nowAll.put("alert " + e.getKey(), e.getValue().size());
        }
        int grew = 0;
        for (Map.Entry<String, Integer> e : before.entrySet()) {
          int now = nowAll.getOrDefault(e.getKey(), 0);
          int base = Math.max(1, e.getValue()); // 0 -> 1 is an effect healed by the replay
          if (now > base) {
            grew += now - base;
          }
        }
        if (grew > 0) {
          duplicated += grew;
          dupWhy.merge("earlier scenarios' events doubled by the replay", grew, Integer::sum);
        }
        notes.add("replay audit covered " + before.size() + " event counts of earlier scenarios");
      }
      StringBuilder counts = new StringBuilder();
      countsNow.forEach((k, v) -> counts.append(k).append(' ').append(v).append('\n'));
      Files.writeString(runDir.resolve("counts-" + name), counts.toString());

      // nothing exists that a client was not answered 201 for
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<List<String>>> lists = new ArrayList<>();
      for (String serial : serials) {
        lists.add(
            pool.submit(
                () -> {
                  Answer a = call("GET", INTAKE + "/api/v1/rmas?size=200&serialNumber=" + serial, tokens.get("ops"), null, Map.of());
                  List<String> numbers = new ArrayList<>();
                  if (a.status() != 200) {
                    throw new IllegalStateException("listing RMAs of " + serial + ": " + a.status());
                  }
                  parse(a.body()).path("items").forEach(i -> numbers.add(i.path("rmaNumber").asText()));
                  return numbers;
                }));
      }
      for (Future<List<String>> f : lists) {
        for (String number : f.get()) {
          if (!byNumber.containsKey(number)) {
            phantoms.add(number);
          }
        }
      }
      pool.shutdown();
      if (!phantoms.isEmpty()) {
        duplicated += phantoms.size();
        dupWhy.merge("RMA no client was answered 201 for", phantoms.size(), Integer::sum);
      }

      // dead letters of this scenario: only the poison records we sent
      Set<String> poisonIds = new HashSet<>();
      for (String line : Files.exists(runDir.resolve("poisons")) ? Files.readAllLines(runDir.resolve("poisons")) : List.<String>of()) {
        poisonIds.add(line.trim());
      }
      Map<String, Set<String>> poisonSeenIn = new HashMap<>();
      int dlqValid = 0;
      int dlqPoison = 0;
      int dlqForeign = 0;
      Map<String, Integer> dlqWhy = new TreeMap<>();
      for (String dlq : DLQS) {
        for (ConsumerRecord<String, String> rec : readTopic(dlq, dlqStart)) {
          String origin = header(rec, "dead-letter-topic") + " " + header(rec, "dead-letter-partition") + " " + header(rec, "dead-letter-offset");
          if (poisonIds.contains(origin) || runId.equals(header(rec, "fault-suite-poison"))) {
            dlqPoison++;
            poisonSeenIn.computeIfAbsent(origin, k -> new HashSet<>()).add(dlq);
            continue;
          }
          String key = rec.key() == null ? "" : rec.key();
          boolean ours =
              byNumber.containsKey(key)
                  || serials.contains(key)
                  || key.startsWith("F" + runId)
                  || (rec.value() != null && rec.value().contains(prefix));
          if (ours) {
            dlqValid++;
            String reason = String.valueOf(header(rec, "dead-letter-reason"));
            dlqWhy.merge(dlq + ": " + reason.replaceAll("RMA-[0-9-]+", "RMA-…").replaceAll("(.{90}).*", "$1…"), 1, Integer::sum);
          } else {
            dlqForeign++;
          }
        }
      }
      int poisonMisrouted = 0;
      for (Poison p : poisons) {
        Set<String> seen = poisonSeenIn.getOrDefault(p.topic() + " " + p.partition() + " " + p.offset(), Set.of());
        for (String want : p.dlqs()) {
          if (!seen.contains(want)) {
            poisonMisrouted++;
            notes.add("poison " + p.topic() + "/" + p.partition() + "@" + p.offset() + " is not in " + want);
          }
        }
      }

      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
      System.out.printf(
          "%s: %d RMAs, %d lost, %d duplicated, %d redelivered, %d 5xx, %d 503-retried, %d dlq-valid, %d s%n",
          name, issued.size(), lost, duplicated, redelivered, e5xx.get(), retried503.get(), dlqValid, seconds);
      List<String> detail = new ArrayList<>();
      detail.add(
          String.format(
              "requests %d (201: %d), queued %d, retries: %d connection (%d timeouts), %d after 409 RMA_ALREADY_OPEN;"
                  + " carrier events refused %d, alerts %d, dlq: %d poison, %d other runs",
              all.size(), issued.size(), queued, connRetried.get(), timeouts.get(), conflictRetried.get(),
              carrierRefused.get(), alertCount, dlqPoison, dlqForeign));
      detail.add("timeline: " + phases + ", audited " + seconds + " s");
      if (poison) {
        detail.add(String.format("poison: %d records sent, %d expected dead letters missing", poisons.size(), poisonMisrouted));
      }
      lostWhy.forEach((k, v) -> detail.add("lost " + v + ": " + k));
      dupWhy.forEach((k, v) -> detail.add("duplicated " + v + ": " + k));
      fiveXxCodes.forEach((k, v) -> detail.add("5xx " + v + ": " + k));
      dlqWhy.forEach((k, v) -> detail.add("dlq-valid " + v + ": " + k));
      Map<String, Integer> noteCount = new LinkedHashMap<>();
      synchronized (notes) {
        for (String n : notes) {
          noteCount.merge(n.replaceAll("RMA-[0-9-]+", "RMA-…").replaceAll("(.{160}).*", "$1…"), 1, Integer::sum);
        }
      }
      noteCount.forEach((k, v) -> detail.add("note" + (v > 1 ? " x" + v : "") + ": " + k));
      for (String d : detail) {
        System.out.println("    " + d);
      }
      Files.writeString(
          runDir.resolve("results"),
          String.format("%s %d %d %d %d%n", name, lost, duplicated, e5xx.get(), seconds),
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      return 0;
    }
  }
}
