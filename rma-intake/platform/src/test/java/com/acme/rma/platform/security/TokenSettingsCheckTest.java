package com.acme.rma.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The production profile's refusal to start without an explicit issuer and verify key. */
class TokenSettingsCheckTest {

  private static List<String> missing(Map<String, String> settings) {
    return TokenSettingsCheck.missing(name -> Optional.ofNullable(settings.get(name)));
  }

  @Test
  void nothingSetIsRefusedNamingBothSettings() {
    List<String> missing = missing(Map.of());
    assertEquals(2, missing.size());
    String message = TokenSettingsCheck.message(missing);
    assertTrue(message.contains("MP_JWT_VERIFY_ISSUER"), message);
    assertTrue(message.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"), message);
  }

  @Test
  void anIssuerWithoutAKeyOrAKeyWithoutAnIssuerIsRefused() {
    assertEquals(1, missing(Map.of(TokenSettingsCheck.ISSUER, "https://sso.example.com")).size());
    assertEquals(
        1, missing(Map.of(TokenSettingsCheck.KEY_LOCATION, "https://sso.example.com/jwks")).size());
    assertEquals(
        1,
        missing(Map.of(TokenSettingsCheck.ISSUER, " ", TokenSettingsCheck.KEY, "MIIB...")).size(),
        "a blank issuer is no issuer");
  }

  @Test
  void anIssuerWithAKeyFileAJwksUrlOrAnInlineKeyStarts() {
    String issuer = "https://sso.example.com/realms/rma";
    assertEquals(
        List.of(),
        missing(
            Map.of(
                TokenSettingsCheck.ISSUER,
                issuer,
                TokenSettingsCheck.KEY_LOCATION,
                "/etc/rma/jwt/publicKey.pem")));
    assertEquals(
        List.of(),
        missing(
            Map.of(
                TokenSettingsCheck.ISSUER,
                issuer,
                TokenSettingsCheck.KEY_LOCATION,
                "https://sso.example.com/realms/rma/protocol/openid-connect/certs")));
    assertEquals(
        List.of(), missing(Map.of(TokenSettingsCheck.ISSUER, issuer, TokenSettingsCheck.KEY, "k")));
  }
}
