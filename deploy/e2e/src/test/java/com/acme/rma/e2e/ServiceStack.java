package com.acme.rma.e2e;

import com.acme.rma.testsupport.HostileCampaign;
import com.acme.rma.testsupport.KafkaBrokerResource;
import com.acme.rma.testsupport.PostgresResource;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The whole system as users meet it: a real KRaft broker and a real PostgreSQL (one database per
 * service), and the four services started from their packaged apps as separate processes on free
 * ports, trusting a key pair made for this run.
 */
final class ServiceStack implements AutoCloseable {

  static final String ISSUER = "rma-e2e";

  /** The audience the services check (their default); every token minted here carries it. */
  static final String AUDIENCE = "rma-api";

  /** The Gold Plus target the shared stack runs with (short, so a breach can be watched). */
  static final Duration GOLD_PLUS_TARGET = Duration.ofSeconds(30);

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static ServiceStack shared;

  /**
   * The one stack of this test JVM, started on first use and stopped when the JVM exits. Every e2e
   * test class uses it: starting four services costs half a minute, so classes never start their
   * own. Tests keep to their own partners and appliances so they don't see each other.
   */
  static synchronized ServiceStack shared() throws Exception {
    if (shared == null) {
      ServiceStack stack =
          new ServiceStack().start(Map.of("RMA_SLA_GOLD_PLUS_TARGET", GOLD_PLUS_TARGET.toString()));
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-stop"));
      shared = stack;
    }
    return shared;
  }

  /** The four services, in the order they are started. */
  enum Service {
    ADDRESS_REGISTRY("address-registry", "address_registry"),
    RMA_INTAKE("rma-intake", "rma_intake"),
    RMA_DISPATCH("rma-dispatch", "rma_dispatch"),
    SLA_MONITOR("sla-monitor", "sla_monitor");

    final String module;
    final String database;

    Service(String module, String database) {
      this.module = module;
      this.database = database;
    }
  }

  private final KafkaBrokerResource kafka = new KafkaBrokerResource();
  private final PostgresResource postgres = new PostgresResource();
  private final Map<Service, Process> processes = new LinkedHashMap<>();
  private final Map<Service, Integer> ports = new LinkedHashMap<>();
  private final Map<Service, Integer> managementPorts = new LinkedHashMap<>();
  private final Path workDir;
  private KeyPair keys;
  private String bootstrapServers;

  ServiceStack() throws IOException {
    this.workDir = Files.createDirectories(Path.of("target", "e2e"));
  }

  /** Starts everything and waits until every service's readiness check is UP. */
  ServiceStack start(Map<String, String> extraEnvironment) throws Exception {
    bootstrapServers = kafka.start().get("kafka.bootstrap.servers");
    Map<String, String> db = postgres.start();
    String adminUrl = db.get("quarkus.datasource.jdbc.url");
    createDatabases(
        adminUrl, db.get("quarkus.datasource.username"), db.get("quarkus.datasource.password"));
    Path publicKey = writeKeyPair();

    for (Service service : Service.values()) {
      ports.put(service, freePort());
      managementPorts.put(service, freePort());
    }
    for (Service service : Service.values()) {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
      // health and metrics: the prod profile's management interface, <SERVICE>_MANAGEMENT_PORT
      env.put(service.name() + "_MANAGEMENT_PORT", Integer.toString(managementPorts.get(service)));
      env.put(
          "QUARKUS_DATASOURCE_JDBC_URL",
          adminUrl.replaceFirst("/postgres(\\?|$)", "/" + service.database + "$1"));
      env.put("QUARKUS_DATASOURCE_USERNAME", db.get("quarkus.datasource.username"));
      env.put("QUARKUS_DATASOURCE_PASSWORD", db.get("quarkus.datasource.password"));
      env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
      env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toString());
      env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
      env.put("RMA_REGISTRY_URL", url(Service.ADDRESS_REGISTRY));
      // rma-intake's own identity toward the registry's lock API
      env.put("RMA_SERVICE_TOKEN", serviceToken());
      env.putAll(extraEnvironment);
      processes.put(service, launch(service, env));
    }
    awaitReady();
    return this;
  }

  /** The service's API port: the REST API, /q/openapi, /q/swagger-ui, /q/asyncapi. */
  String url(Service service) {
    return "http://127.0.0.1:" + ports.get(service);
  }

  /** The service's management interface: /q/health* and /q/metrics (prod profile). */
  String managementUrl(Service service) {
    return "http://127.0.0.1:" + managementPorts.get(service);
  }

  /** What the service wrote to its console (JSON lines: the services run their prod profile). */
  Path log(Service service) {
    return workDir.resolve(service.module + ".log");
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  String token(String role) {
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(role + "-user")
        .groups(Set.of(role))
        .sign(keys.getPrivate());
  }

  /** rma-intake's own token (subject rma-intake, group rma-service), as stack.sh mints it. */
  String serviceToken() {
    return Jwt.issuer(ISSUER)
        .subject("rma-intake")
        .groups(Set.of("rma-service"))
        .audience("rma-api")
        .expiresIn(Duration.ofDays(1))
        .sign(keys.getPrivate());
  }

  String partnerToken(String partnerId) {
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("partner-" + partnerId + "-user")
        .groups(Set.of("partner"))
        .claim("partner_id", partnerId)
        .sign(keys.getPrivate());
  }

  /** Mints the hostile campaign's tokens (and its bad ones) with this stack's key. */
  HostileCampaign.Signer campaignSigner(String partnerId) {
    return new HostileCampaign.Signer(keys.getPrivate(), ISSUER, AUDIENCE, partnerId);
  }

  @Override
  public void close() {
    List<Process> running = new ArrayList<>(processes.values());
    running.forEach(Process::destroy);
    for (Process process : running) {
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    kafka.stop();
    postgres.stop();
  }

  private Process launch(Service service, Map<String, String> env) throws IOException {
    Path jar = Path.of("..", "..", service.module, "target", "quarkus-app", "quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: package the services first");
    }
    Path log = workDir.resolve(service.module + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    for (Service service : Service.values()) {
      HttpRequest ready =
          HttpRequest.newBuilder(URI.create(managementUrl(service) + "/q/health/ready")).build();
      Awaitility.await(service.module + " ready")
          .atMost(READY_TIMEOUT)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                if (!processes.get(service).isAlive()) {
                  throw new IllegalStateException(
                      service.module + " exited; see " + workDir.resolve(service.module + ".log"));
                }
                try {
                  return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode()
                      == 200;
                } catch (IOException notListeningYet) {
                  return false;
                }
              });
    }
  }

  private static void createDatabases(String adminUrl, String user, String password)
      throws SQLException {
    try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
        Statement statement = connection.createStatement()) {
      for (Service service : Service.values()) {
        statement.execute("create database " + service.database);
      }
    }
  }

  private Path writeKeyPair() throws IOException, NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    return Files.writeString(workDir.resolve("public.pem"), pem);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
