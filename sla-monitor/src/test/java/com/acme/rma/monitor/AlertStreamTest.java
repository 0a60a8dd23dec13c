package com.acme.rma.monitor;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** contract.md: GET /api/v1/alerts/stream, server-sent events for ops. */
@QuarkusTest
class AlertStreamTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @TestHTTPResource("/api/v1/alerts/stream")
  URI stream;

  @Inject MutableClock clock;

  /** Tue 2026-05-12 10:00 Tokyo, after Golden Week. */
  private static final Instant NOW = Instant.parse("2026-05-12T01:00:00Z");

  @BeforeEach
  void fixedTime() {
    clock.set(NOW);
  }

  @AfterEach
  void systemTime() {
    clock.useSystemTime();
  }

  @Test
  void streamsEveryAlertAsANamedEventWithItsJson() throws Exception {
    // ready = this instance follows sla.alerts, so nothing written from now on is missed
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> given().get("/q/health/ready").statusCode() == 200);

    List<String> lines = new CopyOnWriteArrayList<>();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(stream)
            .header("Authorization", "Bearer " + TestTokens.ops())
            .header("Accept", "text/event-stream")
            .build();
    CompletableFuture<HttpResponse<Stream<String>>> response =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> opened = response.get();
    assertEquals(200, opened.statusCode());
    assertTrue(
        opened.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    Thread reader = new Thread(() -> opened.body().forEach(lines::add), "sse-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> lines.stream().anyMatch(l -> l.startsWith(":")));

      String rma = Fixtures.newRmaNumber();
      new KafkaTestClient(bootstrap)
          .sendCloudEvent(
              "rma.lifecycle",
              rma,
              "rma.authorized.v1",
              "/rma-intake",
              // due 17:30 Tokyo on Thu 2026-05-07 (Golden Week in between): breached by NOW
              Fixtures.authorized(rma, "GOLD", Instant.parse("2026-05-01T01:00:00Z")));

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(rma)));
      int data = indexOf(lines, rma);
      assertEquals("sla.breached.v1", eventLineBefore(lines, data));
      String json = lines.get(data).substring("data:".length()).trim();
      assertEquals("BREACHED", Fixtures.parse(json).get("state").asText());
      assertEquals("GOLD", Fixtures.parse(json).get("serviceLevel").asText());
    } finally {
      opened.body().close(); // ends the request
      reader.interrupt();
    }
  }

  @Test
  void theStreamEndsWhenTheTokenExpires() throws Exception {
    // the token is valid for an hour of real time; by the service's clock it has 2 s left
    Instant expiry = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    clock.set(expiry.minusSeconds(2));
    String token = Jwt.subject("ops-user").groups(Set.of("ops")).expiresAt(expiry).sign();
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpResponse<Stream<String>> opened =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(stream)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    assertEquals(200, opened.statusCode());
    CompletableFuture<Void> ended =
        CompletableFuture.runAsync(() -> opened.body().forEach(lines::add));
    try {
      await().atMost(Duration.ofSeconds(15)).until(ended::isDone);
      assertTrue(lines.stream().anyMatch(l -> l.contains("following sla.alerts")), lines::toString);
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith(":") && l.contains("token expired")),
          lines::toString);
    } finally {
      opened.body().close();
    }

    // already expired by the service's clock: the stream says so and ends at once
    clock.set(expiry.plusSeconds(1));
    HttpResponse<String> late =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(stream)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(15))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, late.statusCode());
    assertTrue(late.body().contains("token expired"), late.body());
  }

  @Test
  void onlyOpsMayFollowTheAlerts() {
    given()
        .get("/api/v1/alerts/stream")
        .then()
        .statusCode(401)
        .body("code", equalTo("UNAUTHENTICATED"));
    given()
        .auth()
        .oauth2(TestTokens.logistics())
        .get("/api/v1/alerts/stream")
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN"));
  }

  private static int indexOf(List<String> lines, String rma) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("data:") && lines.get(i).contains(rma)) {
        return i;
      }
    }
    throw new AssertionError("no data line for " + rma);
  }

  private static String eventLineBefore(List<String> lines, int data) {
    for (int i = data - 1; i >= 0 && !lines.get(i).isEmpty(); i--) {
      if (lines.get(i).startsWith("event:")) {
        return lines.get(i).substring("event:".length()).trim();
      }
    }
    return "";
  }
}
