package com.acme.rma.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A campaign of generated bad requests against every operation of the running services (issue 13,
 * hostile input). The operations are read from each service's {@code /q/openapi}, so a new endpoint
 * is covered without a change here. Every request is bad in at least one way: malformed or
 * truncated JSON, wrong types, huge strings (just under and over the 64 KiB body limit), deep
 * nesting, unicode edge cases (lone surrogates, NUL, RTL override, emoji, overlong and invalid
 * UTF-8), injection strings (SQL, JNDI, path traversal, CRLF in a header), bad path and query
 * values, and bad tokens (expired, not yet valid, wrong key, {@code alg: none}, wrong issuer, wrong
 * audience, garbage).
 *
 * <p>What it asserts of each answer: no 5xx; no stack trace or exception class name in the body;
 * answered within {@link #MAX_ANSWER}; a bad token answered 401; every 4xx a {@code
 * application/problem+json} body (except where the HTTP layer refuses a request it cannot parse,
 * before any route). Afterwards every service is ready and the counts of RMAs, shipments and SLA
 * clocks are what they were (nothing half-written).
 *
 * <p>Plain JDK and Jackson only (raw HTTP/1.1 over a socket, so that malformed requests can be
 * sent; JWTs signed with {@code java.security}), so the fault suite compiles it beside its driver.
 * Loopback targets only.
 */
public final class HostileCampaign {

  /** The longest answer accepted. */
  public static final Duration MAX_ANSWER = Duration.ofSeconds(1);

  /** The services' body limit ({@code RequestBodyLimit}). */
  static final int BODY_LIMIT = 64 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PROBLEM = "application/problem+json";

  /** Words that only a leaked exception or stack trace would put in an answer. */
  public static final List<String> TRACE_MARKERS =
      List.of(
          "Exception",
          "\tat ",
          ".java:",
          "java.lang.",
          "java.util.",
          "org.jboss.",
          "io.vertx.",
          "io.quarkus.",
          "io.smallrye.",
          "com.fasterxml.",
          "org.hibernate.",
          "org.postgresql",
          "SQLState",
          "com.acme.");

  /** A running service: its name and base URL (loopback). */
  /** A service: its API and the base URL serving its {@code /q/health} (management interface). */
  public record Service(String name, String baseUrl, String healthUrl) {}

  /**
   * Mints tokens as the services' issuer would (RS256), and the bad ones. {@code partnerId} is the
   * campaign's own partner.
   */
  public record Signer(PrivateKey key, String issuer, String audience, String partnerId) {

    /** A PKCS#8 PEM private key (as {@code stack.sh} keeps it). */
    public static PrivateKey readPem(String pem) throws GeneralSecurityException {
      String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    String token(String role) {
      return sign(claims(role), key);
    }

    ObjectNode claims(String role) {
      long now = Instant.now().getEpochSecond();
      ObjectNode claims = NODES.objectNode();
      claims.put("iss", issuer);
      claims.put("aud", audience);
      claims.put("sub", role + "-hostile");
      claims.put("upn", role + "-hostile");
      claims.putArray("groups").add(role);
      if (role.equals("partner")) {
        claims.put("partner_id", partnerId);
      }
      claims.put("iat", now);
      claims.put("exp", now + 600);
      claims.put("jti", UUID.randomUUID().toString());
      return claims;
    }

    static String sign(ObjectNode claims, PrivateKey key) {
      String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(claims.toString());
      try {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Tokens every service must answer 401, by name. */
    Map<String, String> badTokens() {
      Map<String, String> bad = new LinkedHashMap<>();
      long now = Instant.now().getEpochSecond();
      ObjectNode expired = claims("ops");
      expired.put("iat", now - 7200);
      expired.put("exp", now - 3600);
      bad.put("expired", sign(expired, key));
      ObjectNode early = claims("ops");
      early.put("iat", now + 3600);
      early.put("nbf", now + 3600);
      early.put("exp", now + 7200);
      bad.put("not-yet-valid", sign(early, key));
      bad.put("wrong-key", sign(claims("ops"), strangerKey()));
      bad.put(
          "alg-none",
          b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims("ops").toString()) + ".");
      ObjectNode issuer = claims("ops");
      issuer.put("iss", "https://evil.example/realms/rma");
      bad.put("wrong-issuer", sign(issuer, key));
      ObjectNode audience = claims("ops");
      audience.put("aud", "another-api");
      bad.put("wrong-audience", sign(audience, key));
      ObjectNode noAudience = claims("ops");
      noAudience.remove("aud");
      bad.put("no-audience", sign(noAudience, key));
      String good = token("ops");
      bad.put("tampered", good.substring(0, good.lastIndexOf('.') + 1) + "AAAA");
      bad.put("garbage", "not-a-jwt");
      bad.put("empty", "");
      bad.put("huge", "eyJ" + "A".repeat(6000));
      bad.put("three-dots", "...");
      bad.put("json-not-base64", "{\"alg\":\"none\"}.{}.");
      return bad;
    }

    private static PrivateKey strangerKey() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    private static String b64(String text) {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** What the campaign found: counts and the first findings of each kind. */
  public static final class Report {
    public int requests;
    public int serverErrors;
    public int slow;
    public int traces;
    public int tokensAccepted;
    public int notProblem;
    public int unanswered;
    public long slowestMillis;
    public boolean healthyAfter = true;
    public final Map<String, Long> countsBefore = new TreeMap<>();
    public final Map<String, Long> countsAfter = new TreeMap<>();
    public final Map<Integer, Integer> statuses = new TreeMap<>();
    public final Map<String, Integer> operations = new TreeMap<>();
    public final List<String> findings = new ArrayList<>();

    void find(String kind, String what) {
      if (findings.size() < 50) {
        findings.add(kind + ": " + what);
      }
    }

    /** Nothing wrong found. */
    public boolean clean() {
      return serverErrors == 0
          && slow == 0
          && traces == 0
          && tokensAccepted == 0
          && notProblem == 0
          && unanswered == 0
          && healthyAfter
          && countsBefore.equals(countsAfter);
    }

    /** One line, then the findings (indented). */
    public String summary() {
      StringBuilder s =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "hostile: %d requests over %d operations, %d 5xx, %d slow (slowest %d ms),"
                      + " %d stack traces, %d bad tokens accepted, %d 4xx not problem+json,"
                      + " %d unanswered, healthy after: %s, counts %s -> %s; statuses %s",
                  requests,
                  operations.size(),
                  serverErrors,
                  slow,
                  slowestMillis,
                  traces,
                  tokensAccepted,
                  notProblem,
                  unanswered,
                  healthyAfter,
                  countsBefore,
                  countsAfter,
                  statuses));
      findings.forEach(f -> s.append("\n  ").append(f));
      return s.toString();
    }
  }

  /** One operation of a service's OpenAPI document. */
  record Operation(
      Service service,
      String method,
      String path,
      List<String> pathParams,
      List<JsonNode> queryParams,
      JsonNode bodySchema,
      boolean streams,
      List<String> roles) {

    String name() {
      return service.name() + " " + method + " " + path;
    }
  }

  /** A request to send and what is expected of its answer. */
  record Probe(
      Operation op,
      String kind,
      String target,
      Map<String, String> headers,
      byte[] body,
      boolean badToken,
      boolean rawHttp) {}

  record Answer(int status, Map<String, String> headers, String body, long millis) {}

  private final List<Service> services;
  private final Signer signer;
  private final Random random;
  private final Map<String, String> goodTokens = new LinkedHashMap<>();
  private final List<Map.Entry<String, String>> badTokens;

  public HostileCampaign(List<Service> services, Signer signer, long seed) {
    this.services = List.copyOf(services);
    this.signer = signer;
    this.random = new Random(seed);
    for (String role : List.of("ops", "partner", "logistics", "customer")) {
      goodTokens.put(role, signer.token(role));
    }
    this.badTokens = new ArrayList<>(signer.badTokens().entrySet());
  }

  /** Sends {@code requests} bad requests (at least) across every operation and checks them. */
  public Report run(int requests) throws IOException {
    Report report = new Report();
    report.countsBefore.putAll(awaitSteadyCounts());
    List<Operation> ops = discover(report);
    int sent = 0;
    for (int i = 0; sent < requests; i++) {
      Operation op = ops.get(i % ops.size());
      Probe probe = probe(op, (i / ops.size()) + i);
      check(report, probe, send(probe));
      report.operations.merge(op.name(), 1, Integer::sum);
      sent++;
    }
    report.healthyAfter = services.stream().allMatch(this::ready);
    if (!report.healthyAfter) {
      report.find("unhealthy", "a service is not ready after the campaign");
    }
    report.countsAfter.putAll(awaitSteadyCounts());
    return report;
  }

  // ------------------------------------------------------------------ discovery

  private List<Operation> discover(Report report) throws IOException {
    List<Operation> ops = new ArrayList<>();
    for (Service service : services) {
      Answer doc = get(service, "/q/openapi?format=json", Map.of());
      if (doc.status() != 200) {
        throw new IllegalStateException(service.name() + " /q/openapi answered " + doc.status());
      }
      JsonNode root = JSON.readTree(doc.body());
      Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
      while (paths.hasNext()) {
        Map.Entry<String, JsonNode> path = paths.next();
        if (!path.getKey().startsWith("/api/")) {
          continue;
        }
        Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
        while (methods.hasNext()) {
          Map.Entry<String, JsonNode> m = methods.next();
          String method = m.getKey().toUpperCase(Locale.ROOT);
          if (!List.of("GET", "PUT", "POST", "DELETE", "PATCH").contains(method)) {
            continue;
          }
          JsonNode op = m.getValue();
          List<String> pathParams = new ArrayList<>();
          List<JsonNode> queryParams = new ArrayList<>();
          List<JsonNode> params = new ArrayList<>();
          path.getValue().path("parameters").forEach(params::add);
          op.path("parameters").forEach(params::add);
          for (JsonNode p : params) {
            JsonNode param = resolve(root, p);
            if ("path".equals(param.path("in").asText())) {
              pathParams.add(param.path("name").asText());
            } else if ("query".equals(param.path("in").asText())) {
              queryParams.add(param);
            }
          }
          JsonNode body =
              resolveDeep(
                  root,
                  resolve(root, op.path("requestBody"))
                      .path("content")
                      .path("application/json")
                      .path("schema"),
                  0);
          boolean streams = false;
          Iterator<JsonNode> responses = op.path("responses").elements();
          while (responses.hasNext()) {
            streams |= responses.next().path("content").has("text/event-stream");
          }
          Operation draft =
              new Operation(
                  service,
                  method,
                  path.getKey(),
                  pathParams,
                  queryParams,
                  body.isMissingNode() ? null : body,
                  streams,
                  List.of());
          ops.add(withRoles(draft, report));
        }
      }
    }
    if (ops.isEmpty()) {
      throw new IllegalStateException("no /api/ operation in any OpenAPI document");
    }
    return ops;
  }

  /** The roles the operation lets in (not 401/403), learned with an invalid request per role. */
  private Operation withRoles(Operation op, Report report) throws IOException {
    List<String> roles = new ArrayList<>();
    if (!op.streams()) {
      for (Map.Entry<String, String> role : goodTokens.entrySet()) {
        Probe probe =
            new Probe(
                op,
                "role-discovery " + role.getKey(),
                target(op, p -> "HOSTILE-PATH-1", ""),
                headers(role.getValue(), op),
                op.bodySchema() == null ? null : bytes("{\"hostile\":["),
                false,
                false);
        Answer answer = send(probe);
        check(report, probe, answer); // an unanswered probe is a finding ("unanswered")
        if (answer != null && answer.status() != 401 && answer.status() != 403) {
          roles.add(role.getKey());
        }
      }
    }
    return new Operation(
        op.service(),
        op.method(),
        op.path(),
        op.pathParams(),
        op.queryParams(),
        op.bodySchema(),
        op.streams(),
        roles);
  }

  private static JsonNode resolve(JsonNode root, JsonNode node) {
    String ref = node.path("$ref").asText("");
    if (ref.startsWith("#/")) {
      JsonNode target = root;
      for (String part : ref.substring(2).split("/")) {
        target = target.path(part);
      }
      return target;
    }
    return node;
  }

  private static JsonNode resolveDeep(JsonNode root, JsonNode schema, int depth) {
    JsonNode node = resolve(root, schema);
    if (depth > 6 || !node.isObject()) {
      return node;
    }
    ObjectNode copy = ((ObjectNode) node).deepCopy();
    if (copy.has("allOf") && copy.path("allOf").size() > 0) {
      return resolveDeep(root, copy.path("allOf").get(0), depth + 1);
    }
    JsonNode props = copy.path("properties");
    if (props.isObject()) {
      ObjectNode resolved = NODES.objectNode();
      props
          .fields()
          .forEachRemaining(
              f -> resolved.set(f.getKey(), resolveDeep(root, f.getValue(), depth + 1)));
      copy.set("properties", resolved);
    }
    if (copy.has("items")) {
      copy.set("items", resolveDeep(root, copy.path("items"), depth + 1));
    }
    return copy;
  }

  // ------------------------------------------------------------------ generation

  private static final String[] INJECTIONS = {
    "' OR '1'='1",
    "'; DROP TABLE rma; --",
    "\" OR \"\"=\"",
    "1; SELECT pg_sleep(5)--",
    "${jndi:ldap://127.0.0.1:1389/a}",
    "${env:QUARKUS_DATASOURCE_PASSWORD}",
    "#{7*7}",
    "{{7*7}}",
    "<script>alert(1)</script>",
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "%00",
    "$(id)",
    "a\r\nX-Injected: 1",
    "\\u0000",
    "%s%s%s%n",
    "null",
    "undefined",
    "-1",
  };

  private static final String[] UNICODE = {
    "\uD800", // lone high surrogate
    "\uDC00x", // lone low surrogate
    "a\u0000b", // NUL
    "\u202Eevil\u202C", // RTL override
    "🚚📦✅", // emoji (surrogate pairs)
    "\uFEFFbom",
    "zero\u200Bwidth",
    "ｆｕｌｌｗｉｄｔｈ",
    "Ω≈ç√∫",
    "\u0085next-line",
    "e\u0301\u0301\u0301\u0301\u0301",
  };

  /** Raw byte sequences that are not valid UTF-8. */
  private static final byte[][] BAD_UTF8 = {
    {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
    {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // encoded surrogate
    {(byte) 0xFF, (byte) 0xFE},
    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
  };

  private static final String[] BAD_NUMBERS = {
    "-1",
    "-2147483648",
    "2147483647",
    "2147483648",
    "99999999999999999999",
    "1e309",
    "1.5",
    "NaN",
    "abc",
    "0x10",
    " ",
    "١٢",
  };

  private static final String[] BAD_DATES = {
    "2026-13-01T00:00:00Z",
    "2026-02-30T00:00:00+09:00",
    "+999999999-12-31T23:59:59Z",
    "-999999999-01-01T00:00:00Z",
    "0000-00-00",
    "yesterday",
    "2026-05-01T25:61:61Z",
    "2026-05-01T00:00:00+25:00",
  };

  private static final String[] BAD_PATH_VALUES = {
    "-1",
    "0",
    "99999999999999999999",
    "..",
    "%2e%2e%2f%2e%2e%2f",
    "%00",
    "%",
    "%zz",
    "%C0%AF",
    "%ED%A0%80",
    "RMA-2026-" + "9".repeat(60),
    "A".repeat(65),
    "A".repeat(1500),
    "%20",
    "%0d%0aX-Injected:%201",
    "%E2%80%AE",
    "%F0%9F%9A%9A",
    "${jndi:ldap:%2f%2f127.0.0.1%2fa}",
    "'%20OR%20'1'='1",
    ";",
    "a.json",
  };

  private static final String[] BAD_JSON = {
    "{",
    "}",
    "{\"a\":",
    "{\"a\" 1}",
    "[1,2",
    "nul",
    "{\"a\":1}}",
    "{'a':1}",
    "{\"a\":01}",
    "{\"a\":1,}",
    "\"just a string\"",
    "123",
    "null",
    "[]",
    "true",
    "{\"a\":\"\\uZZZZ\"}",
    "{\"a\":\"unterminated}",
    "{\"a\":1e99999}",
    "{\"a\":-}",
    "",
    " ",
    "\u0000",
    "{\"a\":NaN}",
    "{\"__proto__\":{\"admin\":true}}",
    "/* comment */ {}",
  };

  private Probe probe(Operation op, int n) {
    int kinds = 11;
    int kind = Math.floorMod(n, kinds);
    if (op.streams() || op.roles().isEmpty()) {
      kind = 0; // nothing but the token can be probed without a role (or it would stream)
    }
    String role = op.roles().isEmpty() ? "ops" : op.roles().get(random.nextInt(op.roles().size()));
    String token = goodTokens.get(role);
    return switch (kind) {
      case 0 -> badTokenProbe(op);
      case 1 -> bodyProbe(op, token, "malformed-json", bytes(pick(BAD_JSON)));
      case 2 -> bodyProbe(op, token, "truncated-json", truncated(op));
      case 3 -> bodyProbe(op, token, "wrong-type", wrongType(op));
      case 4 -> bodyProbe(op, token, "huge-string", hugeString(op, random.nextBoolean()));
      case 5 -> bodyProbe(op, token, "deep-nesting", deep(op));
      case 6 -> unicodeProbe(op, token);
      case 7 -> injectionProbe(op, token);
      case 8 -> pathProbe(op, token);
      case 9 -> queryProbe(op, token);
      default -> headerProbe(op, token);
    };
  }

  private Probe badTokenProbe(Operation op) {
    Map.Entry<String, String> bad = badTokens.get(random.nextInt(badTokens.size()));
    return new Probe(
        op,
        "bad-token " + bad.getKey(),
        target(op, p -> "HOSTILE-PATH-1", ""),
        acceptingAnything(headers(bad.getValue(), op)),
        op.bodySchema() == null ? null : bytes(skeleton(op).toString()),
        true,
        false);
  }

  /**
   * A bad token must meet 401 whatever the operation produces (an event stream included), not a 406
   * for an Accept header the operation does not serve.
   */
  private static Map<String, String> acceptingAnything(Map<String, String> headers) {
    headers.put("Accept", "*/*");
    return headers;
  }

  private Probe bodyProbe(Operation op, String token, String kind, byte[] body) {
    if (op.bodySchema() == null) {
      return pathProbe(op, token);
    }
    return new Probe(
        op, kind, target(op, p -> "HOSTILE-PATH-1", ""), headers(token, op), body, false, false);
  }

  private byte[] truncated(Operation op) {
    String json = skeleton(op).toString();
    return bytes(json.substring(0, Math.max(1, random.nextInt(json.length()))));
  }

  private byte[] wrongType(Operation op) {
    ObjectNode body = skeleton(op);
    List<String> fields = fields(body);
    if (fields.isEmpty()) {
      return bytes("[\"not an object\"]");
    }
    String field = pick(fields);
    JsonNode[] wrong = {
      NODES.numberNode(42),
      NODES.textNode("not-a-number"),
      NODES.booleanNode(true),
      NODES.arrayNode().add(1).add("two"),
      NODES.objectNode().put("nested", "object"),
      NODES.nullNode(),
      NODES.numberNode(new java.math.BigDecimal("1e400")),
      NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")),
      NODES.textNode(pick(BAD_DATES)),
      NODES.textNode("NOT_AN_ENUM_VALUE"),
      NODES.numberNode(-1),
    };
    body.set(field, wrong[random.nextInt(wrong.length)]);
    return bytes(body.toString());
  }

  private byte[] hugeString(Operation op, boolean overTheLimit) {
    ObjectNode body = skeleton(op);
    List<String> fields = fields(body);
    String field = fields.isEmpty() ? "hostile" : pick(fields);
    body.put(field, "");
    int room = BODY_LIMIT - body.toString().length() - 16;
    int length = overTheLimit ? BODY_LIMIT + 1024 : room;
    // the worst input of a backtracking text pattern: visible characters, a control at the end
    body.put(field, "a".repeat(length - 1) + "\u0001");
    return bytes(body.toString());
  }

  private byte[] deep(Operation op) {
    int depth = 1000 + random.nextInt(BODY_LIMIT / 2 - 2000);
    StringBuilder s = new StringBuilder(depth * 2 + 64);
    boolean objects = random.nextBoolean();
    List<String> fields = fields(skeleton(op));
    String field = fields.isEmpty() ? "hostile" : pick(fields);
    s.append("{\"").append(field).append("\":");
    for (int i = 0; i < depth; i++) {
      s.append(objects ? "{\"a\":" : "[");
    }
    s.append("1");
    for (int i = 0; i < depth; i++) {
      s.append(objects ? "}" : "]");
    }
    s.append("}");
    if (s.length() > BODY_LIMIT - 16) {
      s.setLength(BODY_LIMIT - 16); // truncated nesting: still hostile, within the limit
    }
    return bytes(s.toString());
  }

  private Probe unicodeProbe(Operation op, String token) {
    int where = random.nextInt(3);
    if (where == 0 && op.bodySchema() != null) {
      ObjectNode body = skeleton(op);
      List<String> fields = fields(body);
      String field = fields.isEmpty() ? "hostile" : pick(fields);
      if (random.nextBoolean()) {
        // raw invalid UTF-8 bytes inside a JSON string
        String json = body.put(field, "\u0007MARK\u0007").toString();
        String[] parts = json.split("\\\\u0007MARK\\\\u0007", 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(parts[0]));
        out.writeBytes(BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
        out.writeBytes(bytes(parts.length > 1 ? parts[1] : "\"}"));
        return new Probe(
            op,
            "unicode-bad-utf8",
            target(op, p -> "HOSTILE-PATH-1", ""),
            headers(token, op),
            out.toByteArray(),
            false,
            false);
      }
      body.put(field, pick(UNICODE));
      return new Probe(
          op,
          "unicode-body",
          target(op, p -> "HOSTILE-PATH-1", ""),
          headers(token, op),
          bytes(body.toString()),
          false,
          false);
    }
    if (where == 1 && !op.pathParams().isEmpty()) {
      String value = encode(pick(UNICODE));
      return new Probe(
          op,
          "unicode-path",
          target(op, p -> value, ""),
          headers(token, op),
          body(op),
          false,
          false);
    }
    String query =
        op.queryParams().isEmpty()
            ? "hostile=" + encode(pick(UNICODE))
            : pick(op.queryParams()).path("name").asText() + "=" + encode(pick(UNICODE));
    return new Probe(
        op,
        "unicode-query",
        target(op, p -> "HOSTILE-PATH-1", query),
        headers(token, op),
        body(op),
        false,
        false);
  }

  private Probe injectionProbe(Operation op, String token) {
    String injection = pick(INJECTIONS);
    int where = random.nextInt(3);
    if (where == 0 && op.bodySchema() != null) {
      ObjectNode body = skeleton(op);
      List<String> fields = fields(body);
      body.put(fields.isEmpty() ? "hostile" : pick(fields), injection);
      return new Probe(
          op,
          "injection-body",
          target(op, p -> "HOSTILE-PATH-1", ""),
          headers(token, op),
          bytes(body.toString()),
          false,
          false);
    }
    if (where == 1 && !op.pathParams().isEmpty()) {
      return new Probe(
          op,
          "injection-path",
          target(op, p -> encode(injection), ""),
          headers(token, op),
          body(op),
          false,
          false);
    }
    String name =
        op.queryParams().isEmpty() ? "hostile" : pick(op.queryParams()).path("name").asText();
    return new Probe(
        op,
        "injection-query",
        target(op, p -> "HOSTILE-PATH-1", name + "=" + encode(injection)),
        headers(token, op),
        body(op),
        false,
        false);
  }

  private Probe pathProbe(Operation op, String token) {
    if (op.pathParams().isEmpty()) {
      return queryProbe(op, token);
    }
    String value = pick(BAD_PATH_VALUES);
    return new Probe(
        op,
        "bad-path",
        target(op, p -> value, ""),
        headers(token, op),
        body(op),
        false,
        value.length() > 1000 || value.contains("%") || value.equals(".."));
  }

  private Probe queryProbe(Operation op, String token) {
    StringBuilder query = new StringBuilder();
    List<JsonNode> params = op.queryParams();
    String[] generic = {"page", "size", "status", "sort", "from", "year", "businessDays", "all"};
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      String name =
          params.isEmpty() || random.nextInt(4) == 0
              ? pick(generic)
              : pick(params).path("name").asText();
      String value =
          switch (random.nextInt(4)) {
            case 0 -> pick(BAD_NUMBERS);
            case 1 -> pick(BAD_DATES);
            case 2 -> "NOT_AN_ENUM_" + random.nextInt(100);
            default -> "9".repeat(1 + random.nextInt(400));
          };
      if (query.length() > 0) {
        query.append('&');
      }
      query.append(encode(name)).append('=').append(encode(value));
    }
    if (random.nextInt(5) == 0) {
      query.append("&page=1&page=2&size=&size=%20");
    }
    return new Probe(
        op,
        "bad-query",
        target(op, p -> "HOSTILE-PATH-1", query.toString()),
        headers(token, op),
        body(op),
        false,
        false);
  }

  private Probe headerProbe(Operation op, String token) {
    Map<String, String> headers = headers(token, op);
    String kind;
    switch (random.nextInt(6)) {
      case 0 -> {
        kind = "crlf-header";
        headers.put("Idempotency-Key", "key\r\nX-Injected: 1\r\nSet-Cookie: a=b");
      }
      case 1 -> {
        kind = "huge-idempotency-key";
        headers.put("Idempotency-Key", "k".repeat(201 + random.nextInt(6000)));
      }
      case 2 -> {
        kind = "wrong-content-type";
        headers.put(
            "Content-Type",
            pick(
                List.of(
                    "text/plain",
                    "application/xml",
                    "application/json; charset=EBCDIC",
                    "multipart/form-data; boundary=x",
                    "application/x-www-form-urlencoded",
                    "",
                    "*/*")));
      }
      case 3 -> {
        kind = "weird-accept";
        headers.put("Accept", pick(List.of("application/xml", "text/html", "image/png", "x/y;q=")));
      }
      case 4 -> {
        kind = "bad-traceparent";
        headers.put(
            "traceparent",
            pick(
                List.of(
                    "00-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01",
                    "zz-zz-zz-zz",
                    "00-" + "f".repeat(2000),
                    "${jndi:ldap://127.0.0.1/a}")));
      }
      default -> {
        kind = "bare-cr-header";
        headers.put("X-Hostile", "a\rb\nc");
      }
    }
    return new Probe(
        op,
        kind,
        target(op, p -> "HOSTILE-PATH-1", ""),
        headers,
        op.bodySchema() == null ? null : bytes(skeleton(op).toString()),
        false,
        kind.equals("bare-cr-header") || kind.equals("crlf-header"));
  }

  /** A plausible body from the schema (types right), for mutations to spoil. */
  private ObjectNode skeleton(Operation op) {
    JsonNode value = op.bodySchema() == null ? null : sample(op.bodySchema(), 0);
    return value instanceof ObjectNode o ? o : NODES.objectNode();
  }

  private JsonNode sample(JsonNode schema, int depth) {
    if (depth > 5) {
      return NODES.nullNode();
    }
    if (schema.has("enum") && schema.path("enum").size() > 0) {
      return schema.path("enum").get(0);
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    String format = schema.path("format").asText("");
    return switch (type) {
      case "object" -> {
        ObjectNode o = NODES.objectNode();
        schema
            .path("properties")
            .fields()
            .forEachRemaining(f -> o.set(f.getKey(), sample(f.getValue(), depth + 1)));
        yield o;
      }
      case "array" -> {
        ArrayNode a = NODES.arrayNode();
        a.add(sample(schema.path("items"), depth + 1));
        yield a;
      }
      case "integer" -> NODES.numberNode(1);
      case "number" -> NODES.numberNode(1.5);
      case "boolean" -> NODES.booleanNode(true);
      default ->
          switch (format) {
            case "date-time" -> NODES.textNode("2026-05-01T03:00:00Z");
            case "date" -> NODES.textNode("2026-05-01");
            default -> NODES.textNode("HOSTILE-x");
          };
    };
  }

  private static List<String> fields(ObjectNode body) {
    List<String> names = new ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private byte[] body(Operation op) {
    return op.bodySchema() == null ? null : bytes(skeleton(op).toString());
  }

  private Map<String, String> headers(String token, Operation op) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + token);
    headers.put("Accept", "application/json");
    if (op.bodySchema() != null) {
      headers.put("Content-Type", "application/json");
    }
    if (op.method().equals("POST")) {
      headers.put("Idempotency-Key", "hostile-" + UUID.randomUUID());
    }
    return headers;
  }

  private static String target(
      Operation op, java.util.function.Function<String, String> values, String query) {
    String path = op.path();
    for (String p : op.pathParams()) {
      path = path.replace("{" + p + "}", values.apply(p));
    }
    return query.isEmpty() ? path : path + "?" + query;
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Percent-encodes all but unreserved characters (lone surrogates as their UTF-8 '?'). */
  private static String encode(String value) {
    StringBuilder s = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        s.append((char) c);
      } else {
        s.append('%').append(String.format("%02X", c));
      }
    }
    return s.toString();
  }

  // ------------------------------------------------------------------ checks

  private void check(Report report, Probe probe, Answer answer) {
    report.requests++;
    String what = probe.op().name() + " [" + probe.kind() + "] " + abbreviate(probe.target());
    if (answer == null) {
      report.unanswered++;
      report.find("unanswered", what);
      return;
    }
    report.statuses.merge(answer.status(), 1, Integer::sum);
    report.slowestMillis = Math.max(report.slowestMillis, answer.millis());
    if (answer.status() >= 500) {
      report.serverErrors++;
      report.find("5xx", what + " -> " + answer.status() + " " + abbreviate(answer.body()));
    }
    if (answer.millis() > MAX_ANSWER.toMillis()) {
      report.slow++;
      report.find("slow", what + " -> " + answer.millis() + " ms");
    }
    for (String marker : TRACE_MARKERS) {
      if (answer.body().contains(marker)) {
        report.traces++;
        report.find("trace", what + " -> '" + marker + "' in " + abbreviate(answer.body()));
        break;
      }
    }
    if (probe.badToken() && answer.status() != 401) {
      report.tokensAccepted++;
      report.find("token", what + " -> " + answer.status());
    }
    String type = answer.headers().getOrDefault("content-type", "");
    if (answer.status() >= 400
        && answer.status() < 500
        && !type.startsWith(PROBLEM)
        && !refusedByHttpLayer(probe, answer)) {
      report.notProblem++;
      report.find(
          "not-problem",
          what + " -> " + answer.status() + " '" + type + "' " + abbreviate(answer.body()));
    }
  }

  /**
   * A request line or header the HTTP layer itself cannot accept (bare CR, an over-long line, a
   * malformed percent-encoding) is refused by Vert.x before any route, with its own short answer.
   */
  private static boolean refusedByHttpLayer(Probe probe, Answer answer) {
    return probe.rawHttp()
        && (answer.status() == 400 || answer.status() == 414 || answer.status() == 431)
        && answer.body().length() < 200;
  }

  private static String abbreviate(String s) {
    String flat = s.replaceAll("[\\r\\n]+", " ");
    return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
  }

  // ------------------------------------------------------------------ health and counts

  private boolean ready(Service service) {
    try {
      Service health = new Service(service.name(), service.healthUrl(), service.healthUrl());
      return get(health, "/q/health/ready", Map.of()).status() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** RMAs, shipments and SLA clocks, read through the APIs as ops, once they stop moving. */
  private Map<String, Long> awaitSteadyCounts() throws IOException {
    Map<String, Long> last = counts();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      pause();
      Map<String, Long> now = counts();
      if (now.equals(last)) {
        return now;
      }
      last = now;
    }
    return last;
  }

  private static void pause() {
    try {
      Thread.sleep(1000); // between two reads of the counts: they must agree a second apart
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Map<String, Long> counts() throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, String> auth = Map.of("Authorization", "Bearer " + goodTokens.get("ops"));
    for (Service service : services) {
      String list =
          switch (service.name()) {
            case "rma-intake" -> "/api/v1/rmas?size=1";
            case "rma-dispatch" -> "/api/v1/shipments?size=1";
            case "sla-monitor" -> "/api/v1/slas?size=1";
            default -> null;
          };
      if (list != null) {
        Answer answer = get(service, list, auth);
        counts.put(
            service.name(),
            answer.status() == 200 ? JSON.readTree(answer.body()).path("total").asLong(-1) : -1);
      }
    }
    return counts;
  }

  // ------------------------------------------------------------------ raw HTTP

  private Answer get(Service service, String target, Map<String, String> headers)
      throws IOException {
    Answer answer =
        exchange(
            service, "GET", target, new LinkedHashMap<>(headers), null, Duration.ofSeconds(30));
    if (answer == null) {
      throw new IOException(service.name() + " did not answer GET " + target);
    }
    return answer;
  }

  private Answer send(Probe probe) {
    try {
      return exchange(
          probe.op().service(),
          probe.op().method(),
          probe.target(),
          probe.headers(),
          probe.body(),
          Duration.ofSeconds(10));
    } catch (IOException e) {
      return null;
    }
  }

  private static Answer exchange(
      Service service,
      String method,
      String target,
      Map<String, String> headers,
      byte[] body,
      Duration timeout)
      throws IOException {
    URI base = URI.create(service.baseUrl());
    String host = base.getHost();
    if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
      throw new IllegalArgumentException("loopback targets only: " + service.baseUrl());
    }
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(bytes(method + " " + target + " HTTP/1.1\r\n"));
    request.writeBytes(bytes("Host: " + host + ":" + base.getPort() + "\r\n"));
    for (Map.Entry<String, String> h : headers.entrySet()) {
      request.writeBytes(bytes(h.getKey() + ": " + h.getValue() + "\r\n"));
    }
    if (body != null) {
      request.writeBytes(bytes("Content-Length: " + body.length + "\r\n"));
    } else if (!method.equals("GET") && !method.equals("DELETE")) {
      request.writeBytes(bytes("Content-Length: 0\r\n"));
    }
    request.writeBytes(bytes("Connection: close\r\n\r\n"));
    if (body != null) {
      request.writeBytes(body);
    }
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, base.getPort()), 5000);
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.toByteArray());
        out.flush();
      } catch (IOException refusedMidBody) {
        // the server may answer (413) and close before it has read all of an oversized body
      }
      byte[] raw;
      try {
        raw = readAll(socket.getInputStream());
      } catch (SocketTimeoutException e) {
        return new Answer(
            599, Map.of(), "no answer within " + timeout.toMillis() + " ms", timeout.toMillis());
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      return parse(raw, millis);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
      }
    } catch (java.net.SocketException reset) {
      if (out.size() == 0) {
        throw reset;
      }
    }
    return out.toByteArray();
  }

  private static Answer parse(byte[] raw, long millis) throws IOException {
    int headerEnd = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
    String head = new String(raw, 0, Math.max(0, headerEnd), StandardCharsets.ISO_8859_1);
    if (!head.startsWith("HTTP/1.") || headerEnd < 0) {
      throw new IOException(
          "not an HTTP answer: " + abbreviate(new String(raw, StandardCharsets.ISO_8859_1)));
    }
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, headerEnd + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), millis);
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] crlf = {'\r', '\n'};
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, crlf, at);
      if (lineEnd < 0) {
        break;
      }
      int size;
      try {
        String line = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
        size = Integer.parseInt(line.split(";")[0].trim(), 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (size == 0) {
        break;
      }
      int end = Math.min(chunked.length, lineEnd + 2 + size);
      body.write(chunked, lineEnd + 2, end - lineEnd - 2);
      at = end + 2;
    }
    return body.toByteArray();
  }
}
