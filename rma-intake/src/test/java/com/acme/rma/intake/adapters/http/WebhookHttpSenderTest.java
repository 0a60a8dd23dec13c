package com.acme.rma.intake.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.intake.domain.webhook.DeliveryOutcome;
import com.acme.rma.intake.domain.webhook.WebhookTarget;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: the sender resolves once per attempt, checks every address and connects only to
 * those. A host that answers a public address first (registration's check) and loopback or the
 * cloud metadata address next gets no connection at all.
 */
class WebhookHttpSenderTest {

  private static final byte[] BODY = "{\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
  private static final Map<String, String> HEADERS =
      Map.of("Content-Type", "application/cloudevents+json", "X-RMA-Delivery", "d-1");

  /** Answers each call with the next of the given answers (the last one over and over). */
  private static final class RebindingDns implements WebhookTarget.Resolver {
    private final List<List<InetAddress>> answers = new ArrayList<>();
    final AtomicInteger calls = new AtomicInteger();

    RebindingDns(String... answers) throws UnknownHostException {
      for (String answer : answers) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String a : answer.split(",")) {
          addresses.add(InetAddress.getByName(a));
        }
        this.answers.add(addresses);
      }
    }

    @Override
    public List<InetAddress> resolve(String host) {
      int call = calls.getAndIncrement();
      return answers.get(Math.min(call, answers.size() - 1));
    }
  }

  private static void assertNoConnection(ServerSocket receiver) throws Exception {
    // post() has returned: a connection it opened would already wait in the backlog
    receiver.setSoTimeout(300);
    assertThrows(SocketTimeoutException.class, receiver::accept, "no connection was opened");
  }

  @Test
  void aHostThatAnswersPublicAtTheCheckAndLoopbackAtTheAttemptGetsNoConnection() throws Exception {
    try (ServerSocket receiver = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String url = "https://hooks.partner.example:" + receiver.getLocalPort() + "/rma";
      RebindingDns dns = new RebindingDns("93.184.215.14", "127.0.0.1");
      assertEquals(Optional.empty(), WebhookTarget.refusal(url, dns, false), "registered");

      DeliveryOutcome outcome =
          new WebhookHttpSender(Clock.systemUTC(), dns, false).post(url, BODY, HEADERS);

      assertNull(outcome.statusCode());
      assertEquals(DeliveryOutcome.Verdict.RETRY, outcome.verdict());
      assertTrue(outcome.error().startsWith("URL refused: "), outcome.error());
      assertTrue(outcome.error().contains("127.0.0.1"), outcome.error());
      assertEquals(2, dns.calls.get(), "resolved once at registration, once for the attempt");
      assertNoConnection(receiver);
    }
  }

  @Test
  void anAnswerMixingAPublicAddressWithTheMetadataAddressIsRefused() throws Exception {
    RebindingDns dns = new RebindingDns("93.184.215.14,169.254.169.254");
    DeliveryOutcome outcome =
        new WebhookHttpSender(Clock.systemUTC(), dns, false)
            .post("https://hooks.partner.example/rma", BODY, HEADERS);
    assertTrue(outcome.error().contains("169.254.169.254"), outcome.error());
    assertEquals(1, dns.calls.get(), "one resolution per attempt");
  }

  @Test
  void anIpLiteralIsCheckedToo() throws Exception {
    try (ServerSocket receiver = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      DeliveryOutcome outcome =
          new WebhookHttpSender(Clock.systemUTC(), WebhookHttpSender.dns(), false)
              .post("https://127.0.0.1:" + receiver.getLocalPort() + "/rma", BODY, HEADERS);
      assertTrue(outcome.error().startsWith("URL refused: "), outcome.error());
      assertNoConnection(receiver);
    }
  }

  @Test
  void connectsToTheCheckedAddressKeepingTheUrlsHost() throws Exception {
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicReference<String> host = new AtomicReference<>();
    AtomicReference<String> body = new AtomicReference<>();
    receiver.createContext(
        "/rma",
        exchange -> {
          host.set(exchange.getRequestHeaders().getFirst("Host"));
          body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.getResponseHeaders().add("Retry-After", "7");
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    receiver.start();
    try {
      int port = receiver.getAddress().getPort();
      RebindingDns dns = new RebindingDns("127.0.0.1");
      DeliveryOutcome outcome =
          new WebhookHttpSender(Clock.systemUTC(), dns, true)
              .post("http://hooks.local.test:" + port + "/rma", BODY, HEADERS);
      assertEquals(503, outcome.statusCode());
      assertEquals(java.time.Duration.ofSeconds(7), outcome.retryAfter());
      assertEquals("hooks.local.test:" + port, host.get());
      assertEquals("{\"id\":\"e-1\"}", body.get());
    } finally {
      receiver.stop(0);
    }
  }
}
