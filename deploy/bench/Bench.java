import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark's driver (deploy/bench/run.sh calls it; see deploy/bench/README.md):
 *
 * <pre>
 *   prepare N PREFIX FILE            entitlements (+ Gold Plus sites) through the public API; FILE: serial, partner, body
 *   fixed RATE SECONDS FILE FROM OUT [e2e]
 *                                    open-loop POST /api/v1/rmas at a fixed rate (latency from the
 *                                    intended start: no coordinated omission); with e2e an outside
 *                                    consumer times the 201 to dispatch.shipment.created.v1
 *   offsets FILE                     end offsets of the benchmark's topics
 *   authorized OFFSETS               rmaNumbers of rma.authorized.v1 on rma.lifecycle since OFFSETS
 *   backlog N PREFIX                 N rma.authorized.v1 (GOLD, from the depot) straight onto rma.lifecycle
 *   clocks FAR DUE FROM_S LEN_S PREFIX
 *                                    FAR Gold clocks due in days, DUE Gold Plus clocks due FROM_S..FROM_S+LEN_S from now
 *   drain GROUP TOPIC SECONDS        waits until GROUP has consumed TOPIC to its end; prints events/s
 *   alerts OFFSETS PREFIX N SECONDS  lateness of sla.breached.v1 for PREFIX (record time - dueAt)
 * </pre>
 */
public class Bench {

  static final String INTAKE = "http://127.0.0.1:" + env("RMA_INTAKE_PORT", "8081");
  static final String REGISTRY = "http://127.0.0.1:" + env("ADDRESS_REGISTRY_PORT", "8082");
  static final String BOOTSTRAP = "127.0.0.1:" + env("KAFKA_PORT", "9092");
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();
  static final String[] COMPONENTS = {"POWER_SUPPLY", "FAN", "DISK", "SSD", "MEMORY", "CHASSIS"};

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  static String token(String name) throws IOException {
    return Files.readString(Path.of(System.getProperty("tokens")).resolve(name)).trim();
  }

  public static void main(String[] a) throws Exception {
    switch (a[0]) {
      case "prepare" -> prepare(Integer.parseInt(a[1]), a[2], Path.of(a[3]));
      case "fixed" ->
          fixed(
              Double.parseDouble(a[1]),
              Integer.parseInt(a[2]),
              Path.of(a[3]),
              Integer.parseInt(a[4]),
              Path.of(a[5]),
              a.length > 6 && a[6].equals("e2e"));
      case "offsets" -> writeOffsets(Path.of(a[1]));
      case "authorized" -> authorized(Path.of(a[1]));
      case "backlog" -> backlog(Integer.parseInt(a[1]), a[2]);
      case "clocks" ->
          clocks(
              Integer.parseInt(a[1]),
              Integer.parseInt(a[2]),
              Integer.parseInt(a[3]),
              Integer.parseInt(a[4]),
              a[5]);
      case "drain" -> drain(a[1], a[2], Integer.parseInt(a[3]));
      case "drained" -> drained(Integer.parseInt(a[1]), java.util.Arrays.copyOfRange(a, 2, a.length));
      case "alerts" -> alerts(Path.of(a[1]), a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4]));
      default -> throw new IllegalArgumentException("unknown command " + a[0]);
    }
    System.exit(0);
  }

  // ------------------------------------------------------------------ HTTP

  record Answer(int status, String body) {}

  static Answer call(String method, String url, String token, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  /** Set-up calls are retried until 2xx (the registry learns an owner over Kafka: 403/404 first). */
  static void setup(String method, String url, String token, String body, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    Answer last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = call(method, url, token, body);
        if (last.status() / 100 == 2) {
          return;
        }
      } catch (IOException e) {
        last = new Answer(0, e.toString());
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(method + " " + url + " -> " + last);
  }

  // ------------------------------------------------------------------ 1. entitlements and sites

  /**
   * N appliances: 15 % Gold Plus in Japan (site near Tokyo, so the registry lock is on the path),
   * 5 % Gold Plus in the US, 60 % Gold, 20 % Silver; partners P-1001, P-1002 (Japan), P-2001 (US).
   */
  static void prepare(int n, String prefix, Path out) throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    String ops = token("ops");
    Map<String, String> partners = new HashMap<>();
    for (String p : List.of("P-1001", "P-1002", "P-2001")) {
      partners.put(p, token(p));
    }
    String shipTo =
        ",\"shipTo\":{\"line1\":\"1-2-3 Shibuya\",\"city\":\"Shibuya-ku\",\"postalCode\":\"150-0002\",\"country\":\"JP\"}";
    String[] lines = new String[n];
    List<Integer> goldPlus = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<Future<?>> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i % 20;
      String level = k < 3 ? "GOLD_PLUS" : k < 4 ? "GOLD_PLUS_US" : k < 16 ? "GOLD" : "SILVER";
      String partner = level.equals("GOLD_PLUS_US") ? "P-2001" : (i % 2 == 0 ? "P-1001" : "P-1002");
      String serial = prefix + "-" + i;
      String body =
          String.format(
              "{\"serialNumber\":\"%s\",\"component\":\"%s\",\"faultDescription\":\"bench %s\"%s}",
              serial, COMPONENTS[i % COMPONENTS.length], serial, level.startsWith("GOLD_PLUS") ? "" : shipTo);
      lines[i] = serial + "\t" + partner + "\t" + body;
      String ent =
          String.format(
              "{\"serialNumber\":\"%s\",\"partnerId\":\"%s\",\"customerId\":\"C-%s\",\"productModel\":\"MPX 9100\","
                  + "\"maintenanceLevel\":\"%s\",\"contractStart\":\"%s\",\"contractEnd\":\"%s\",\"hardwareShipDate\":\"%s\"}",
              serial, partner, serial, level.startsWith("GOLD_PLUS") ? "GOLD_PLUS" : level,
              today.minusYears(2), today.plusYears(1), today.minusYears(2));
      if (level.startsWith("GOLD_PLUS")) {
        goldPlus.add(i);
      }
      fs.add(pool.submit(() -> {
        setup("PUT", INTAKE + "/api/v1/entitlements/" + serial, ops, ent, 120);
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    fs.clear();
    for (int i : goldPlus) {
      String[] f = lines[i].split("\t", 3);
      boolean japan = !f[1].equals("P-2001");
      String site =
          japan
              ? "{\"line1\":\"1-1 Marunouchi\",\"city\":\"Chiyoda-ku\",\"region\":\"Tokyo\",\"postalCode\":\"100-0005\",\"country\":\"JP\",\"latitude\":35.6812,\"longitude\":139.7671}"
              : "{\"line1\":\"1 Infinite Way\",\"city\":\"Palo Alto\",\"region\":\"CA\",\"postalCode\":\"94301\",\"country\":\"US\",\"latitude\":37.4419,\"longitude\":-122.1430}";
      fs.add(pool.submit(() -> {
        setup("PUT", REGISTRY + "/api/v1/sites/" + f[0] + "/address", partners.get(f[1]), site, 300);
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    Files.writeString(out, String.join("\n", lines) + "\n");
  }

  // ------------------------------------------------------------------ fixed-rate load

  static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return -1;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /**
   * Request i is due at start + i / rate and its latency runs from that moment, not from when it
   * was actually sent: a stalled server makes every request it held up count (no coordinated
   * omission). Requests are sent asynchronously, so a slow answer never delays the next send.
   */
  static void fixed(double rate, int seconds, Path file, int from, Path out, boolean e2e) throws Exception {
    List<String> lines = Files.readAllLines(file);
    int n = (int) Math.round(rate * seconds);
    if (from + n > lines.size()) {
      throw new IllegalStateException("only " + (lines.size() - from) + " appliances left for " + n + " requests");
    }
    Map<String, String> tokens = new HashMap<>();
    for (String p : List.of("P-1001", "P-1002", "P-2001")) {
      tokens.put(p, token(p));
    }
    Map<String, Long> seen = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    Thread watcher = null;
    CountDownLatch watching = new CountDownLatch(1);
    if (e2e) {
      watcher = new Thread(() -> watchShipments(seen, stop, watching));
      watcher.start();
      watching.await(30, TimeUnit.SECONDS);
    }
    long[] latency = new long[n];
    long[] answeredAt = new long[n];
    String[] numbers = new String[n];
    int[] status = new int[n];
    CountDownLatch done = new CountDownLatch(n);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    long epochStart = System.currentTimeMillis() + 100;
    for (int i = 0; i < n; i++) {
      long due = start + (long) (i * 1e9 / rate);
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      String[] f = lines.get(from + i).split("\t", 3);
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(INTAKE + "/api/v1/rmas"))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + tokens.get(f[1]))
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", "bench-" + f[0])
              .POST(HttpRequest.BodyPublishers.ofString(f[2]))
              .build();
      int k = i;
      HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (r, e) -> {
                long now = System.nanoTime();
                latency[k] = now - due;
                answeredAt[k] = epochStart + TimeUnit.NANOSECONDS.toMillis(now - start);
                if (r != null) {
                  status[k] = r.statusCode();
                  if (r.statusCode() == 201) {
                    int at = r.body().indexOf("\"rmaNumber\":\"");
                    if (at >= 0) {
                      numbers[k] = r.body().substring(at + 13, r.body().indexOf('"', at + 13));
                    }
                  }
                }
                done.countDown();
              });
    }
    long sentIn = System.nanoTime() - start;
    done.await(120, TimeUnit.SECONDS);
    long[] sorted = latency.clone();
    Arrays.sort(sorted);
    Map<Integer, Integer> codes = new java.util.TreeMap<>();
    StringBuilder sb = new StringBuilder();
    int ok = 0;
    for (int i = 0; i < n; i++) {
      codes.merge(status[i], 1, Integer::sum);
      if (status[i] == 201 && numbers[i] != null) {
        ok++;
        sb.append(numbers[i]).append('\t').append(answeredAt[i]).append('\n');
      }
    }
    Files.writeString(out, sb.toString());
    System.out.printf(
        "fixed rate=%.0f sent_rate=%.0f ok=%d codes=%s p50=%.1f p99=%.1f max=%.1f",
        rate, n / (sentIn / 1e9), ok, codes, pct(sorted, 50) / 1e6, pct(sorted, 99) / 1e6, pct(sorted, 100) / 1e6);
    if (e2e) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      int expected = 0;
      Set<String> wanted = new HashSet<>();
      for (int i = 0; i < n; i++) {
        if (status[i] == 201 && numbers[i] != null) {
          wanted.add(numbers[i]);
        }
      }
      expected = wanted.size();
      while (System.nanoTime() < deadline && !seen.keySet().containsAll(wanted)) {
        Thread.sleep(200);
      }
      stop.set(true);
      watcher.join();
      List<Long> e2eLat = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Long at = numbers[i] == null ? null : seen.get(numbers[i]);
        if (at != null) {
          e2eLat.add(at - answeredAt[i]);
        }
      }
      long[] es = e2eLat.stream().mapToLong(Long::longValue).sorted().toArray();
      // RMAs QUEUED outside support hours have no shipment yet; they are not counted
      System.out.printf(
          " e2e_seen=%d/%d e2e_p50=%d e2e_p99=%d e2e_max=%d", es.length, expected, pct(es, 50), pct(es, 99), pct(es, 100));
    }
    System.out.println();
  }

  /** The outside consumer: when each dispatch.shipment.created.v1 was seen (wall clock, ms). */
  static void watchShipments(Map<String, Long> seen, AtomicBoolean stop, CountDownLatch ready) {
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(kafkaProps())) {
      List<TopicPartition> parts = partitions(c, "dispatch.shipments");
      c.assign(parts);
      c.seekToEnd(parts);
      parts.forEach(c::position);
      ready.countDown();
      while (!stop.get()) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(50))) {
          if ("dispatch.shipment.created.v1".equals(header(r, "ce_type"))) {
            seen.putIfAbsent(r.key(), System.currentTimeMillis());
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ Kafka

  static Properties kafkaProps() {
    Properties p = new Properties();
    p.put("bootstrap.servers", BOOTSTRAP);
    p.put("key.serializer", StringSerializer.class.getName());
    p.put("value.serializer", StringSerializer.class.getName());
    p.put("key.deserializer", StringDeserializer.class.getName());
    p.put("value.deserializer", StringDeserializer.class.getName());
    p.put("enable.auto.commit", "false");
    p.put("max.poll.records", "5000");
    p.put("acks", "all");
    p.put("linger.ms", "20");
    p.put("batch.size", "262144");
    p.put("compression.type", "lz4");
    p.put("max.block.ms", "120000");
    return p;
  }

  static List<TopicPartition> partitions(KafkaConsumer<?, ?> c, String topic) {
    List<TopicPartition> parts = new ArrayList<>();
    c.partitionsFor(topic).forEach(pi -> parts.add(new TopicPartition(topic, pi.partition())));
    return parts;
  }

  static String header(ConsumerRecord<String, String> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  static void writeOffsets(Path file) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(kafkaProps())) {
      for (String t : List.of("rma.lifecycle", "dispatch.shipments", "sla.alerts")) {
        c.endOffsets(partitions(c, t)).forEach((tp, o) -> sb.append(tp.topic()).append(' ').append(tp.partition()).append(' ').append(o).append('\n'));
      }
    }
    Files.writeString(file, sb.toString());
  }

  static Map<TopicPartition, Long> readOffsets(Path file) throws IOException {
    Map<TopicPartition, Long> m = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] f = line.trim().split(" ");
      if (f.length == 3) {
        m.put(new TopicPartition(f[0], Integer.parseInt(f[1])), Long.parseLong(f[2]));
      }
    }
    return m;
  }

  /** Every record of TOPIC from the offsets to the end as of now. */
  static void read(String topic, Map<TopicPartition, Long> from, java.util.function.Consumer<ConsumerRecord<String, String>> each) {
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(kafkaProps())) {
      List<TopicPartition> parts = partitions(c, topic);
      c.assign(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      for (TopicPartition tp : parts) {
        c.seek(tp, from.getOrDefault(tp, 0L));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (System.nanoTime() < deadline) {
        boolean doneAll = true;
        for (TopicPartition tp : parts) {
          if (c.position(tp) < end.get(tp)) {
            doneAll = false;
          }
        }
        if (doneAll) {
          return;
        }
        c.poll(Duration.ofMillis(200)).forEach(each);
      }
      throw new IllegalStateException("could not read " + topic + " to its end");
    }
  }

  static void authorized(Path offsets) throws IOException {
    StringBuilder sb = new StringBuilder();
    read("rma.lifecycle", readOffsets(offsets), r -> {
      if ("rma.authorized.v1".equals(header(r, "ce_type"))) {
        sb.append(r.key()).append('\n');
      }
    });
    System.out.print(sb);
  }

  static ProducerRecord<String, String> authorizedEvent(String rma, String level, Instant at, boolean depot) {
    String value =
        String.format(
            "{\"rmaNumber\":\"%s\",\"serialNumber\":\"S-%s\",\"partnerId\":\"P-1001\",\"component\":\"FAN\","
                + "\"requestedLevel\":\"%s\",\"serviceLevel\":\"%s\",\"downgradeReason\":null,\"authorizedAt\":\"%s\","
                + "\"shipTo\":{\"line1\":\"1-2-3 Shibuya\",\"line2\":null,\"city\":\"Shibuya-ku\",\"region\":null,"
                + "\"postalCode\":\"150-0002\",\"country\":\"JP\",\"latitude\":null,\"longitude\":null},"
                + "\"addressVersion\":null,\"serviceCenterId\":null,\"sla\":null}",
            rma, rma, level, level, at);
    ProducerRecord<String, String> r = new ProducerRecord<>("rma.lifecycle", rma, value);
    r.headers().add(new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)));
    r.headers().add(new RecordHeader("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
    r.headers().add(new RecordHeader("ce_source", "/rma-intake".getBytes(StandardCharsets.UTF_8)));
    r.headers().add(new RecordHeader("ce_type", "rma.authorized.v1".getBytes(StandardCharsets.UTF_8)));
    r.headers().add(new RecordHeader("ce_time", at.toString().getBytes(StandardCharsets.UTF_8)));
    r.headers().add(new RecordHeader("content-type", "application/json".getBytes(StandardCharsets.UTF_8)));
    return r;
  }

  static void produce(List<ProducerRecord<String, String>> records) throws Exception {
    AtomicLong failed = new AtomicLong();
    try (KafkaProducer<String, String> p = new KafkaProducer<>(kafkaProps())) {
      for (ProducerRecord<String, String> r : records) {
        p.send(r, (m, e) -> {
          if (e != null) {
            failed.incrementAndGet();
          }
        });
      }
      p.flush();
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " records not acknowledged");
    }
  }

  static void backlog(int n, String prefix) throws Exception {
    long t0 = System.nanoTime();
    Instant now = Instant.now();
    List<ProducerRecord<String, String>> batch = new ArrayList<>();
    try (KafkaProducer<String, String> p = new KafkaProducer<>(kafkaProps())) {
      for (int i = 0; i < n; i++) {
        p.send(authorizedEvent(String.format("%s-%07d", prefix, i), "GOLD", now, true));
      }
      p.flush();
    }
    System.out.printf("produced %d in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
  }

  /**
   * FAR Gold clocks (due the next business day or later: nothing fires during the run) and DUE
   * Gold Plus clocks (24x7, 4 h) authorized 4 h before a deadline spread evenly over
   * [now + FROM_S, now + FROM_S + LEN_S], produced in batches (linger 20 ms, 256 KiB, lz4). The
   * due ones go last, so they are read after the far ones.
   */
  static void clocks(int far, int due, int fromS, int lenS, String prefix) throws Exception {
    long t0 = System.nanoTime();
    Instant now = Instant.now();
    try (KafkaProducer<String, String> p = new KafkaProducer<>(kafkaProps())) {
      for (int i = 0; i < far; i++) {
        p.send(authorizedEvent(String.format("%s-F%07d", prefix, i), "GOLD", now, false));
      }
      Duration target = Duration.parse(env("RMA_SLA_GOLD_PLUS_TARGET", "PT4H"));
      Instant first = Instant.now().plusSeconds(fromS);
      for (int i = 0; i < due; i++) {
        Instant dueAt = first.plusMillis((long) i * lenS * 1000L / Math.max(1, due));
        p.send(authorizedEvent(String.format("%s-D%07d", prefix, i), "GOLD_PLUS", dueAt.minus(target), false));
      }
      p.flush();
    }
    System.out.printf("produced %d in %.1f s%n", far + due, (System.nanoTime() - t0) / 1e9);
  }

  /** Waits until GROUP's committed offsets on TOPIC reach the end; prints the rate from the first move. */
  static void drain(String group, String topic, int seconds) throws Exception {
    try (Admin admin = Admin.create(kafkaProps()); KafkaConsumer<String, String> c = new KafkaConsumer<>(kafkaProps())) {
      List<TopicPartition> parts = partitions(c, topic);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      long endSum = end.values().stream().mapToLong(Long::longValue).sum();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      long first = -1;
      long firstAt = 0;
      long last = -1;
      long lastAt = 0;
      while (System.nanoTime() < deadline) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        long sum = 0;
        for (TopicPartition tp : parts) {
          OffsetAndMetadata o = committed.get(tp);
          sum += o == null ? 0 : o.offset();
        }
        long now = System.nanoTime();
        if (first < 0) {
          first = sum;
          firstAt = now;
        } else if (sum != last && last == first) {
          // the first move: the rate counts from here (start-up excluded)
          first = last;
          firstAt = lastAt;
        }
        if (sum != last) {
          last = sum;
          lastAt = now;
        }
        if (sum >= endSum) {
          break;
        }
        Thread.sleep(250);
      }
      double secs = Math.max(0.001, (lastAt - firstAt) / 1e9);
      System.out.printf("drain group=%s consumed=%d remaining=%d seconds=%.1f rate=%.0f%n",
          group, last - first, Math.max(0, endSum - last), secs, (last - first) / secs);
    }
  }

  /**
   * Waits up to SECONDS until every GROUP:TOPIC has committed the topic's end offsets (as they are
   * when it is first asked); prints "drained=1|0 seconds=S lag=N". One JVM polling, instead of a
   * Kafka tool started every second (which alone would take a core of this 2-core machine).
   */
  static void drained(int seconds, String[] groupTopics) throws Exception {
    try (Admin admin = Admin.create(kafkaProps()); KafkaConsumer<String, String> c = new KafkaConsumer<>(kafkaProps())) {
      Map<String, Map<TopicPartition, Long>> ends = new LinkedHashMap<>();
      for (String gt : groupTopics) {
        String topic = gt.substring(gt.indexOf(':') + 1);
        ends.put(gt, c.endOffsets(partitions(c, topic)));
      }
      long t0 = System.nanoTime();
      long deadline = t0 + TimeUnit.SECONDS.toNanos(seconds);
      long lag;
      do {
        lag = 0;
        for (Map.Entry<String, Map<TopicPartition, Long>> e : ends.entrySet()) {
          String group = e.getKey().substring(0, e.getKey().indexOf(':'));
          Map<TopicPartition, OffsetAndMetadata> committed =
              admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
          for (Map.Entry<TopicPartition, Long> end : e.getValue().entrySet()) {
            OffsetAndMetadata o = committed.get(end.getKey());
            lag += Math.max(0, end.getValue() - (o == null ? 0 : o.offset()));
          }
        }
        if (lag == 0) {
          break;
        }
        Thread.sleep(200);
      } while (System.nanoTime() < deadline);
      System.out.printf("drained=%d seconds=%.1f lag=%d%n", lag == 0 ? 1 : 0, (System.nanoTime() - t0) / 1e9, lag);
    }
  }

  static void alerts(Path offsets, String prefix, int n, int seconds) throws Exception {
    Map<TopicPartition, Long> from = readOffsets(offsets);
    List<Long> late = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(kafkaProps())) {
      List<TopicPartition> parts = partitions(c, "sla.alerts");
      c.assign(parts);
      for (TopicPartition tp : parts) {
        c.seek(tp, from.getOrDefault(tp, 0L));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < deadline && seen.size() < n) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          if (r.key() != null && r.key().startsWith(prefix) && "sla.breached.v1".equals(header(r, "ce_type")) && seen.add(r.key())) {
            JsonNode v = JSON.readTree(r.value());
            late.add(r.timestamp() - Instant.parse(v.path("dueAt").asText()).toEpochMilli());
          }
        }
      }
    }
    long[] s = late.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("alerts breached=%d/%d late_p50=%d late_p99=%d late_max=%d%n", s.length, n, pct(s, 50), pct(s, 99), pct(s, 100));
  }
}
