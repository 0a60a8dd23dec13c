package com.acme.rma.intake.adapters.registry;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.acme.rma.intake.application.ServiceToken;
import com.acme.rma.intake.application.SiteRegistry;
import com.acme.rma.intake.config.IntakeConfig;
import com.acme.rma.intake.support.RegistryStub;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** How the registry client reads failures that the stub cannot play through the API. */
@QuarkusTest
class RegistryHttpClientTest {

  private static final IntakeConfig.Registry FAST =
      new IntakeConfig.Registry() {
        @Override
        public Duration connectTimeout() {
          return Duration.ofSeconds(1);
        }

        @Override
        public Duration readTimeout() {
          return Duration.ofSeconds(2);
        }

        @Override
        public int retries() {
          return 1;
        }

        @Override
        public int retryAfterSeconds() {
          return 5;
        }
      };

  @ConfigProperty(name = RegistryStub.URL_PROPERTY)
  String registryUrl;

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void reportsARegistryThatIsNotListeningAsUnavailable() throws IOException {
    RegistryHttpClient client =
        new RegistryHttpClient(
            URI.create("http://127.0.0.1:" + closedPort()), FAST, TestTokens::service);
    assertThrows(
        SiteRegistry.UnavailableException.class,
        () -> client.lock("SN-1", "RMA-2026-000001", "P-1"));
    assertThrows(
        SiteRegistry.UnavailableException.class, () -> client.release("SN-1", "RMA-2026-000001"));
  }

  @Test
  void doesNotMistakeAnUnknownPathForAnUnregisteredSite() {
    // a wrong base URL answers a plain 404, not the registry's SITE_NOT_FOUND problem
    RegistryHttpClient client =
        new RegistryHttpClient(URI.create(registryUrl + "/wrong"), FAST, TestTokens::service);
    assertThrows(
        SiteRegistry.UnavailableException.class,
        () -> client.lock("SN-1", "RMA-2026-000001", "P-1"));
  }

  @Test
  void aMissingServiceTokenIsUnavailableNotAPartnersTokenInstead() {
    RegistryHttpClient client =
        new RegistryHttpClient(
            URI.create(registryUrl),
            FAST,
            () -> {
              throw new ServiceToken.UnavailableException("no token", null);
            });
    assertThrows(
        SiteRegistry.UnavailableException.class,
        () -> client.lock("SN-1", "RMA-2026-000001", "P-1"));
  }
}
