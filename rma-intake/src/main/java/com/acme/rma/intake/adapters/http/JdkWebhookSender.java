package com.acme.rma.intake.adapters.http;

import com.acme.rma.intake.application.webhook.WebhookSender;
import com.acme.rma.intake.domain.webhook.DeliveryOutcome;
import com.acme.rma.intake.domain.webhook.WebhookTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;

/**
 * Webhook deliveries with the JDK's {@link HttpClient}: 5 s to connect, 5 s for the answer, no
 * redirects followed (a redirect could lead anywhere: it counts as a refusal). Also the DNS
 * resolver the SSRF check uses.
 */
@ApplicationScoped
public class JdkWebhookSender implements WebhookSender {

  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final java.time.Clock clock;

  public JdkWebhookSender(java.time.Clock clock) {
    this.clock = clock;
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Override
  public DeliveryOutcome post(String url, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    long start = System.nanoTime();
    try {
      HttpResponse<Void> response =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding());
      return DeliveryOutcome.answered(
          response.statusCode(),
          Duration.ofNanos(System.nanoTime() - start),
          retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
    } catch (IOException e) {
      return DeliveryOutcome.noAnswer(
          Duration.ofNanos(System.nanoTime() - start),
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryOutcome.noAnswer(Duration.ofNanos(System.nanoTime() - start), "interrupted");
    }
  }

  /** Seconds, or an HTTP date relative to now; at most a day; null when absent or unreadable. */
  Duration retryAfter(String value) {
    return retryAfter(value, ZonedDateTime.now(clock));
  }

  static Duration retryAfter(String value, ZonedDateTime now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Duration after;
    try {
      after = Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException notSeconds) {
      try {
        after =
            Duration.between(
                now, ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
    if (after.isNegative()) {
      return Duration.ZERO;
    }
    return after.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : after;
  }

  @Produces
  @Singleton
  WebhookTarget.Resolver dns() {
    return host -> Arrays.asList(InetAddress.getAllByName(host));
  }
}
