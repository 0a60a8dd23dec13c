package com.acme.rma.intake.adapters.registry;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.acme.rma.intake.application.ServiceToken;
import com.acme.rma.intake.application.SiteRegistry;
import com.acme.rma.intake.config.IntakeConfig;
import com.acme.rma.intake.support.RegistryStub;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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

  /**
   * A registry that closes the connection before or in the middle of its answer (overloaded, or
   * restarting): unavailable (503 to the partner), never an unexpected error (500).
   */
  @Test
  void aConnectionClosedBeforeOrDuringTheAnswerIsUnavailable() throws Exception {
    for (String partial :
        List.of(
            "",
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n"
                + "{\"serialNumber\":\"SN-1\",\"addr")) {
      try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
        Thread closer =
            new Thread(
                () -> {
                  while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                      BufferedReader in =
                          new BufferedReader(
                              new InputStreamReader(
                                  socket.getInputStream(), StandardCharsets.US_ASCII));
                      String line;
                      while ((line = in.readLine()) != null && !line.isEmpty()) {
                        // the request's head; its body is not needed
                      }
                      socket.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
                      socket.getOutputStream().flush();
                    } catch (IOException closed) {
                      return;
                    }
                  }
                });
        closer.setDaemon(true);
        closer.start();
        RegistryHttpClient client =
            new RegistryHttpClient(
                URI.create("http://127.0.0.1:" + server.getLocalPort()), FAST, TestTokens::service);
        assertThrows(
            SiteRegistry.UnavailableException.class,
            () -> client.lock("SN-1", "RMA-2026-000001", "P-1"),
            "answer cut after " + partial.length() + " bytes");
      }
    }
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
