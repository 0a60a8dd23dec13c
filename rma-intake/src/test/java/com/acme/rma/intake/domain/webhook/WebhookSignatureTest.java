package com.acme.rma.intake.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void isTheHexHmacSha256OfTheBodyWithTheSecret() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assertEquals(
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        WebhookSignature.sign(
            "Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void verifiesOnlyTheExactBodyAndSecret() {
    byte[] body = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
    String header = WebhookSignature.sign("0123456789abcdef", body);
    assertTrue(WebhookSignature.verify("0123456789abcdef", body, header));
    assertFalse(WebhookSignature.verify("0123456789abcdeX", body, header));
    assertFalse(
        WebhookSignature.verify(
            "0123456789abcdef", "{\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8), header));
    assertFalse(WebhookSignature.verify("0123456789abcdef", body, null));
  }
}
