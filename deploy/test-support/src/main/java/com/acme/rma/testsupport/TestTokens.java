package com.acme.rma.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/** Signed bearer tokens for tests, with the claims the contract names. */
public final class TestTokens {

  private TestTokens() {}

  public static String ops() {
    return Jwt.subject("ops-user").groups(Set.of("ops")).sign();
  }

  public static String logistics() {
    return Jwt.subject("logistics-user").groups(Set.of("logistics")).sign();
  }

  public static String customer() {
    return Jwt.subject("customer-user").groups(Set.of("customer")).sign();
  }

  /** rma-intake's own identity, as it calls the registry's lock API. */
  public static String service() {
    return Jwt.subject("rma-intake").groups(Set.of("rma-service")).sign();
  }

  public static String partner(String partnerId) {
    return Jwt.subject("partner-" + partnerId + "-user")
        .groups(Set.of("partner"))
        .claim("partner_id", partnerId)
        .sign();
  }

  /** An ops token signed by the trusted key but meant for another API ({@code aud}). */
  public static String forAnotherAudience() {
    return Jwt.subject("ops-user").groups(Set.of("ops")).audience("another-api").sign();
  }

  /** A token whose signature the service must refuse: signed by a key it does not trust. */
  public static String signedByStranger() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return Jwt.subject("intruder")
          .groups(Set.of("ops"))
          .sign(generator.generateKeyPair().getPrivate());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
