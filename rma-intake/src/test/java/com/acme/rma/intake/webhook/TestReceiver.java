package com.acme.rma.intake.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A partner's webhook receiver on the JDK's HTTP server (loopback, free port): records every
 * request and answers the scripted statuses, then 200. It can go down and come back on its port.
 */
final class TestReceiver implements AutoCloseable {

  /** One request as received. */
  record Received(
      String deliveryId,
      String signature,
      String contentType,
      byte[] body,
      JsonNode event,
      int answered) {

    String eventId() {
      return event.path("id").asText();
    }

    String type() {
      return event.path("type").asText();
    }

    String subject() {
      return event.path("subject").asText();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Received> received = new ArrayList<>();
  private final Deque<Integer> script = new ArrayDeque<>();
  private final int port;
  private HttpServer server;

  TestReceiver() {
    this(0);
  }

  private TestReceiver(int port) {
    this.server = start(port);
    this.port = server.getAddress().getPort();
  }

  String url() {
    return "http://127.0.0.1:" + port + "/hooks/rma";
  }

  synchronized void answer(Integer... statuses) {
    script.addAll(List.of(statuses));
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** Those answered 2xx, in order. */
  synchronized List<Received> delivered() {
    return received.stream().filter(r -> r.answered() / 100 == 2).toList();
  }

  void down() {
    server.stop(0);
  }

  void up() {
    server = start(port);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private HttpServer start(int on) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 0);
      http.createContext(
          "/hooks/rma",
          exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
              body = in.readAllBytes();
            }
            int status;
            synchronized (this) {
              Integer scripted = script.pollFirst();
              status = scripted == null ? 200 : scripted;
              received.add(
                  new Received(
                      exchange.getRequestHeaders().getFirst("X-RMA-Delivery"),
                      exchange.getRequestHeaders().getFirst("X-RMA-Signature"),
                      exchange.getRequestHeaders().getFirst("Content-Type"),
                      body,
                      JSON.readTree(body),
                      status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      http.start();
      return http;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> registration(String url, String secret, List<String> types) {
    return types == null
        ? Map.of("url", url, "secret", secret)
        : Map.of("url", url, "secret", secret, "eventTypes", types);
  }
}
