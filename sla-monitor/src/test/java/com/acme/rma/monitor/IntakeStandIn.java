package com.acme.rma.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the dashboard reads from rma-intake in the browser (the paused webhooks, an RMA's timeline),
 * answered as intake's API does, with intake's CORS headers: the monitor's tests do not run intake
 * (the real one is in the e2e stack). The page's URL for intake ({@code rma.dashboard.intake-url})
 * points here; every request's {@code Authorization} header is kept for the tests to check.
 */
public class IntakeStandIn implements QuarkusTestResourceLifecycleManager {

  /** A paused endpoint and the RMA whose timeline is served, as the browser test expects them. */
  static final String PAUSED_URL = "https://hooks.partner.example/rma";

  static final String PAUSED_REASON = "10 failed deliveries in a row (HTTP 503)";
  static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", IntakeStandIn::answer);
    server.start();
    return Map.of("rma.dashboard.intake-url", "http://localhost:" + server.getAddress().getPort());
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String origin = exchange.getRequestHeaders().getFirst("Origin");
      if (origin != null) {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
        exchange.getResponseHeaders().add("Vary", "Origin");
      }
      if (exchange.getRequestMethod().equals("OPTIONS")) {
        exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET,OPTIONS");
        exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Authorization,Accept");
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      AUTHORIZATIONS.add(String.valueOf(authorization));
      String path = exchange.getRequestURI().getPath();
      String body;
      if (authorization == null) {
        send(exchange, 401, "{\"code\":\"UNAUTHORIZED\"}");
        return;
      } else if (path.equals("/api/v1/webhooks")) {
        body =
            "{\"items\":[{\"id\":\"5f0c1c8e-7d2e-4f55-9d1a-0e1f2a3b4c5d\",\"partnerId\":\"P-DASH-1\","
                + "\"url\":\""
                + PAUSED_URL
                + "\",\"eventTypes\":[\"rma.authorized\"],\"state\":\"PAUSED\",\"pausedReason\":\""
                + PAUSED_REASON
                + "\",\"pausedAt\":\"2026-05-07T00:15:00Z\",\"consecutiveFailures\":10}],"
                + "\"page\":0,\"size\":20,\"total\":1}";
      } else if (path.matches("/api/v1/rmas/[^/]+/timeline")) {
        body =
            "[{\"at\":\"2026-05-06T01:00:00Z\",\"type\":\"rma.requested\",\"source\":\"rma-intake\","
                + "\"summary\":\"Replacement requested\",\"details\":{},"
                + "\"recordedAt\":\"2026-05-06T01:00:00Z\"},"
                + "{\"at\":\"2026-05-07T08:30:00Z\",\"type\":\"sla.breached\",\"source\":"
                + "\"sla-monitor\",\"summary\":\"SLA breached\",\"details\":{},"
                + "\"recordedAt\":\"2026-05-07T08:30:01Z\"}]";
      } else {
        send(exchange, 404, "{\"code\":\"NOT_FOUND\"}");
        return;
      }
      send(exchange, 200, body);
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
