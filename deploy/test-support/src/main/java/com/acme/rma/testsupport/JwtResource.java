package com.acme.rma.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A fresh RSA key pair per test run: the service trusts the public key, {@link TestTokens} signs
 * with the private one. Nothing is written to disk or committed.
 */
public class JwtResource implements QuarkusTestResourceLifecycleManager {

  public static final String ISSUER = "rma-test";

  /** rma-intake's own token toward the registry (subject rma-intake, group rma-service). */
  public static final String SERVICE_TOKEN_PROPERTY = "rma.intake.service-token.value";

  /** The audience every service checks ({@code mp.jwt.verify.audiences}); test tokens carry it. */
  public static final String AUDIENCE = "rma-api";

  @Override
  public Map<String, String> start() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair keys = generator.generateKeyPair();
      return Map.of(
          SERVICE_TOKEN_PROPERTY,
          Jwt.issuer(ISSUER)
              .subject("rma-intake")
              .groups(Set.of("rma-service"))
              .audience("rma-api")
              .expiresIn(Duration.ofDays(1))
              .sign(keys.getPrivate()),
          "mp.jwt.verify.publickey",
          pem("PUBLIC KEY", keys.getPublic().getEncoded()),
          "mp.jwt.verify.issuer",
          ISSUER,
          "smallrye.jwt.sign.key",
          pem("PRIVATE KEY", keys.getPrivate().getEncoded()),
          "smallrye.jwt.new-token.issuer",
          ISSUER,
          "smallrye.jwt.new-token.audience",
          AUDIENCE);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {}

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----";
  }
}
