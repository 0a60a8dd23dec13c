package com.acme.rma.intake.adapters.http;

import com.acme.rma.intake.application.webhook.WebhookSender;
import com.acme.rma.intake.application.webhook.WebhookSettings;
import com.acme.rma.intake.domain.webhook.DeliveryOutcome;
import com.acme.rma.intake.domain.webhook.WebhookTarget;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Webhook deliveries with Apache HttpClient 5: 5 s to connect, 5 s for the answer, no redirects
 * followed (a redirect could lead anywhere: it counts as a refusal), no automatic retries.
 *
 * <p>DNS rebinding: the client's {@link DnsResolver} is the only place the host is resolved for an
 * attempt; it applies {@link WebhookTarget#addressRefusal} to every address it got and hands the
 * client exactly those addresses to connect to, so a host that answered a public address at
 * registration and {@code 127.0.0.1} now is refused before any connection. The URL's host stays the
 * TLS server name (SNI, certificate check) and the {@code Host} header. Also the DNS resolver that
 * registration's SSRF check uses.
 */
@ApplicationScoped
public class WebhookHttpSender implements WebhookSender {

  static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** Thrown by the resolver hook: the host resolved to an address a webhook may not reach. */
  static final class AddressRefused extends UnknownHostException {
    AddressRefused(String reason) {
      super(reason);
    }
  }

  private final Clock clock;
  private final Map<String, CloseableHttpClient> clients;

  @Inject
  public WebhookHttpSender(Clock clock, WebhookTarget.Resolver resolver, WebhookSettings settings) {
    this(clock, resolver, settings.allowLoopbackHttp());
  }

  WebhookHttpSender(Clock clock, WebhookTarget.Resolver resolver, boolean allowLoopbackHttp) {
    this.clock = clock;
    // one client per scheme: the address rules differ (http only ever to loopback)
    this.clients =
        Map.of(
            "http", client(checked("http", resolver, allowLoopbackHttp)),
            "https", client(checked("https", resolver, allowLoopbackHttp)));
  }

  private static DnsResolver checked(
      String scheme, WebhookTarget.Resolver resolver, boolean allowLoopbackHttp) {
    return new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses = resolver.resolve(bare);
        Optional<String> refusal =
            WebhookTarget.addressRefusal(scheme, bare, addresses, allowLoopbackHttp);
        if (refusal.isPresent()) {
          throw new AddressRefused(refusal.get());
        }
        return addresses.toArray(InetAddress[]::new);
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host; // never consulted for plain HTTP; no reverse lookups
      }
    };
  }

  private static CloseableHttpClient client(DnsResolver dns) {
    Timeout timeout = Timeout.of(TIMEOUT);
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(dns)
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        .build())
                .setMaxConnPerRoute(4)
                .setMaxConnTotal(100)
                .build())
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setConnectionRequestTimeout(timeout)
                .setResponseTimeout(timeout)
                .setRedirectsEnabled(false)
                .build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .build();
  }

  @Override
  public DeliveryOutcome post(String url, byte[] body, Map<String, String> headers) {
    long start = System.nanoTime();
    String scheme = Optional.ofNullable(URI.create(url).getScheme()).orElse("");
    CloseableHttpClient client = clients.get(scheme.toLowerCase(Locale.ROOT));
    if (client == null) {
      return DeliveryOutcome.noAnswer(Duration.ZERO, "URL refused: must be an https URL");
    }
    HttpPost request = new HttpPost(url);
    headers.forEach(request::setHeader);
    request.setEntity(new ByteArrayEntity(body, null));
    try {
      return client.execute(
          request,
          response -> {
            EntityUtils.consume(response.getEntity());
            Header retryAfter = response.getFirstHeader("Retry-After");
            return DeliveryOutcome.answered(
                response.getCode(),
                Duration.ofNanos(System.nanoTime() - start),
                retryAfter(retryAfter == null ? null : retryAfter.getValue()));
          });
    } catch (IOException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof AddressRefused) {
          return DeliveryOutcome.noAnswer(
              Duration.ofNanos(System.nanoTime() - start), "URL refused: " + cause.getMessage());
        }
      }
      return DeliveryOutcome.noAnswer(
          Duration.ofNanos(System.nanoTime() - start),
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  @PreDestroy
  void close() {
    clients.values().forEach(c -> c.close(org.apache.hc.core5.io.CloseMode.GRACEFUL));
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

  /** Registration's SSRF check resolves with the system's DNS, like the attempts. */
  @Produces
  @Singleton
  static WebhookTarget.Resolver dns() {
    return host -> Arrays.asList(InetAddress.getAllByName(host));
  }
}
