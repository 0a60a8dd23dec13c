package com.acme.rma.platform.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verify key as a JWKS URL (the identity provider's key set) with rotation, through the same
 * smallrye-jwt verifier the services use ({@code mp.jwt.verify.publickey.location} = the URL,
 * {@code smallrye.jwt.jwks.*} refresh settings): a token signed by a key the set did not have is
 * accepted once the set is re-read, and one signed by a key removed from the set is refused. The
 * forced refresh is immediate here (0 min) so that the test need not wait; the services allow it at
 * most once a minute.
 */
class JwksRotationTest {

  private static final String ISSUER = "https://sso.example.test/realms/rma";

  private final AtomicReference<String> served = new AtomicReference<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private HttpServer server;
  private DefaultJWTParser parser;

  @BeforeEach
  void identityProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/jwks",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    JWTAuthContextInfo settings =
        new JWTAuthContextInfo(
            "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks", ISSUER);
    settings.setJwksRefreshInterval(60);
    settings.setForcedJwksRefreshInterval(0);
    parser = new DefaultJWTParser(settings);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aRotatedKeyIsAcceptedAfterTheRefreshAndARemovedKeyIsRefused() throws Exception {
    KeyPair first = rsa();
    KeyPair second = rsa();
    served.set(jwks(List.of(jwk("k1", first))));
    assertEquals("ops-user", parser.parse(token("k1", first)).getName());

    // the provider rotates: the set now holds only the new key
    served.set(jwks(List.of(jwk("k2", second))));
    // an unknown kid makes the verifier read the set again (jose4j skips a re-read within 300 ms
    // of the previous one, so the first attempts right after the rotation may still be refused)
    String rotated = token("k2", second);
    await("the new key is accepted")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> accepted(rotated));
    assertTrue(fetches.get() >= 2, "the set was read again: " + fetches.get());
    assertThrows(ParseException.class, () -> parser.parse(token("k1", first)));
    // and a token signed by a key that was never published, under a known kid, is refused
    assertThrows(ParseException.class, () -> parser.parse(token("k2", rsa())));
  }

  private boolean accepted(String token) {
    try {
      return "ops-user".equals(parser.parse(token).getName());
    } catch (ParseException refused) {
      return false;
    }
  }

  private static String token(String kid, KeyPair keys) {
    return Jwt.issuer(ISSUER)
        .subject("ops-user")
        .groups(Set.of("ops"))
        .jws()
        .keyId(kid)
        .sign(keys.getPrivate());
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String jwks(List<String> keys) {
    return "{\"keys\":[" + String.join(",", keys) + "]}";
  }

  private static String jwk(String kid, KeyPair keys) {
    RSAPublicKey key = (RSAPublicKey) keys.getPublic();
    return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\""
        + kid
        + "\",\"n\":\""
        + base64url(key.getModulus())
        + "\",\"e\":\""
        + base64url(key.getPublicExponent())
        + "\"}";
  }

  private static String base64url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
