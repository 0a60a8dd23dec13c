package com.acme.rma.intake.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the address-registry's lock API on a free port, with the real registry's lock
 * semantics (idempotent per RMA, 409 naming the holder, 404 for an unregistered site). A site may
 * be programmed to fail ({@code failures}: that many 503s), to lag behind an ownership move ({@code
 * ownerNotRecorded}: that many 409 {@code SITE_OWNER_NOT_RECORDED}), to answer slowly before
 * locking ({@code delayMillis}) or to lock and then answer too late ({@code lateMillis}). Tests
 * program each serial number's site over HTTP ({@link RegistryStubClient}) — plain HTTP, so the
 * stub and the tests need not share a class loader — and read back the calls it received.
 */
public class RegistryStub implements QuarkusTestResourceLifecycleManager {

  public static final String URL_PROPERTY = "rma.intake.registry-url";

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Map<String, Object>> sites = new ConcurrentHashMap<>();
  private final Map<String, List<Map<String, Object>>> calls = new ConcurrentHashMap<>();
  private HttpServer server;
  private ExecutorService executor;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the registry stub", e);
    }
    executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    server.createContext("/api/v1/sites/", this::registry);
    server.createContext("/__stub/sites/", this::admin);
    server.start();
    return Map.of(URL_PROPERTY, "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /** {@code POST /api/v1/sites/{serial}/lock}, {@code DELETE /api/v1/sites/{serial}/lock/{rma}}. */
  private void registry(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] path = exchange.getRequestURI().getPath().split("/");
      // "", api, v1, sites, {serial}, lock[, {rma}]
      if (path.length < 6 || !"lock".equals(path[5])) {
        answer(exchange, 404, problem(404, "NOT_FOUND", null));
        return;
      }
      String serial = path[4];
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, Object> call = new LinkedHashMap<>();
      call.put("method", exchange.getRequestMethod());
      call.put("path", exchange.getRequestURI().getPath());
      call.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
      call.put("body", body);
      calls.computeIfAbsent(serial, s -> new CopyOnWriteArrayList<>()).add(call);

      if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
        answer(exchange, 401, problem(401, "UNAUTHENTICATED", null));
        return;
      }
      Map<String, Object> site = sites.get(serial);
      if (site == null) {
        answer(exchange, 404, problem(404, "SITE_NOT_FOUND", null));
        return;
      }
      synchronized (site) {
        int failures = ((Number) site.getOrDefault("failures", 0)).intValue();
        if (failures > 0) {
          site.put("failures", failures - 1);
          answer(exchange, 503, problem(503, "UNAVAILABLE", null));
          return;
        }
      }
      synchronized (site) {
        // the registry's copy of the owner lags behind intake's entitlement for this many calls
        int behind = ((Number) site.getOrDefault("ownerNotRecorded", 0)).intValue();
        if (behind > 0) {
          site.put("ownerNotRecorded", behind - 1);
          answer(exchange, 409, problem(409, "SITE_OWNER_NOT_RECORDED", null));
          return;
        }
      }
      long delay = ((Number) site.getOrDefault("delayMillis", 0)).longValue();
      if (delay > 0 && "POST".equals(exchange.getRequestMethod())) {
        try {
          TimeUnit.MILLISECONDS.sleep(delay); // simulates a lock answered too late
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if ("DELETE".equals(exchange.getRequestMethod()) && path.length == 7) {
        synchronized (site) {
          if (path[6].equals(site.get("holder"))) {
            site.put("holder", null);
            site.put("lockedAt", null);
          }
        }
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod()) || path.length != 6) {
        answer(exchange, 405, problem(405, "METHOD_NOT_ALLOWED", null));
        return;
      }
      String rmaNumber = (String) json.readValue(body, Map.class).get("rmaNumber");
      Map<String, Object> lock = new LinkedHashMap<>();
      synchronized (site) {
        Object holder = site.get("holder");
        if (holder != null && !holder.equals(rmaNumber)) {
          answer(exchange, 409, problem(409, "ADDRESS_LOCKED", (String) holder));
          return;
        }
        if (holder == null) {
          site.put("holder", rmaNumber);
          site.put("lockedAt", Instant.now().toString());
        }
        lock.put("serialNumber", serial);
        lock.put("rmaNumber", rmaNumber);
        lock.put("lockedAt", site.get("lockedAt"));
        lock.put("address", site.get("address"));
        lock.put("version", site.get("version"));
        Map<String, Object> goldPlus = new LinkedHashMap<>();
        goldPlus.put("eligible", site.get("eligible"));
        goldPlus.put("serviceCenterId", site.get("serviceCenterId"));
        goldPlus.put("distanceMiles", site.get("distanceMiles"));
        goldPlus.put("reason", site.get("reason"));
        goldPlus.put("effectiveFrom", site.get("effectiveFrom"));
        lock.put("goldPlus", goldPlus);
      }
      long late = ((Number) site.getOrDefault("lateMillis", 0)).longValue();
      if (late > 0) {
        try {
          TimeUnit.MILLISECONDS.sleep(late); // the lock is applied, its answer comes too late
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      answer(exchange, 200, lock);
    }
  }

  /**
   * {@code PUT /__stub/sites/{serial}} programs a site; {@code GET .../{serial}} reads it (with its
   * lock holder); {@code GET .../{serial}/calls} lists the calls received for it.
   */
  @SuppressWarnings("unchecked")
  private void admin(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] path = exchange.getRequestURI().getPath().split("/");
      String serial = path[3];
      if (path.length == 5 && "calls".equals(path[4])) {
        answer(exchange, 200, calls.getOrDefault(serial, List.of()));
      } else if ("PUT".equals(exchange.getRequestMethod())) {
        Map<String, Object> site =
            Collections.synchronizedMap(
                new LinkedHashMap<>(json.readValue(exchange.getRequestBody(), Map.class)));
        sites.put(serial, site);
        answer(exchange, 200, snapshot(site));
      } else {
        Map<String, Object> site = sites.get(serial);
        answer(exchange, site == null ? 404 : 200, site == null ? Map.of() : snapshot(site));
      }
    }
  }

  private static Map<String, Object> snapshot(Map<String, Object> site) {
    synchronized (site) {
      return new LinkedHashMap<>(site);
    }
  }

  private static Map<String, Object> problem(int status, String code, String holder) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:rma:problem:" + code.toLowerCase());
    problem.put("title", "stub");
    problem.put("status", status);
    problem.put("code", code);
    if (holder != null) {
      problem.put("rmaNumber", holder);
    }
    return problem;
  }

  private void answer(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange
        .getResponseHeaders()
        .set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
