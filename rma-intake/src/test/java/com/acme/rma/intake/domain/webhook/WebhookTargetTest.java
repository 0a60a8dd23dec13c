package com.acme.rma.intake.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetTest {

  /** A DNS of fixed answers: names map to address literals (parsed without lookups). */
  private static WebhookTarget.Resolver dns(Map<String, List<String>> table) {
    return host -> {
      List<String> literals = table.get(host);
      if (literals == null) {
        throw new UnknownHostException(host);
      }
      List<InetAddress> addresses = new ArrayList<>();
      for (String literal : literals) {
        addresses.add(InetAddress.getByName(literal));
      }
      return addresses;
    };
  }

  private static final WebhookTarget.Resolver DNS =
      dns(
          Map.of(
              "hooks.partner.example", List.of("93.184.216.34", "2606:2800:220:1::1"),
              "mixed.example", List.of("93.184.216.34", "10.0.0.7"),
              "metadata.example", List.of("169.254.169.254"),
              "localhost", List.of("127.0.0.1", "::1"),
              "93.184.216.34", List.of("93.184.216.34"),
              "127.0.0.1", List.of("127.0.0.1")));

  private static Optional<String> prod(String url) {
    return WebhookTarget.refusal(url, DNS, false);
  }

  @Test
  void productionAcceptsHttpsToPublicAddressesOnly() {
    assertEquals(Optional.empty(), prod("https://hooks.partner.example/rma"));
    assertEquals(Optional.empty(), prod("https://93.184.216.34:8443/rma"));
    assertTrue(prod("http://hooks.partner.example/rma").orElseThrow().contains("https"));
    assertTrue(prod("ftp://hooks.partner.example/rma").isPresent());
    assertTrue(prod("https://user:pw@hooks.partner.example/").orElseThrow().contains("user info"));
    assertTrue(prod("/relative").isPresent());
    assertTrue(prod("not a url").isPresent());
    assertTrue(prod("https://unknown.example/").orElseThrow().contains("does not resolve"));
  }

  @Test
  void everyResolvedAddressIsCheckedNotJustTheFirst() {
    assertTrue(prod("https://mixed.example/").orElseThrow().contains("10.0.0.7"));
  }

  @Test
  void loopbackAndTheMetadataAddressAreRefusedInProduction() {
    assertTrue(prod("https://localhost/").isPresent());
    assertTrue(prod("https://127.0.0.1/").isPresent());
    assertTrue(prod("https://metadata.example/latest/meta-data").isPresent());
  }

  @Test
  void theLocalSettingAllowsHttpToLoopbackButNothingElse() {
    assertEquals(Optional.empty(), WebhookTarget.refusal("http://127.0.0.1:9999/h", DNS, true));
    assertEquals(Optional.empty(), WebhookTarget.refusal("http://localhost:9999/h", DNS, true));
    assertTrue(WebhookTarget.refusal("http://hooks.partner.example/", DNS, true).isPresent());
    assertTrue(WebhookTarget.refusal("http://metadata.example/", DNS, true).isPresent());
    assertTrue(WebhookTarget.refusal("https://mixed.example/", DNS, true).isPresent());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "127.0.0.1",
        "127.255.0.1",
        "169.254.169.254",
        "169.254.0.1",
        "100.64.0.1",
        "100.127.255.255",
        "224.0.0.1",
        "239.255.255.250",
        "255.255.255.255",
        "240.0.0.1",
        "192.0.0.8",
        "192.0.2.1",
        "198.18.0.1",
        "198.51.100.7",
        "203.0.113.9",
        "::",
        "::1",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "fec0::1",
        "2001:db8::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "::10.0.0.1",
        "64:ff9b::a9fe:a9fe"
      })
  void nonPublicAddressesAreRefused(String literal) throws Exception {
    assertFalse(WebhookTarget.isPublic(InetAddress.getByName(literal)), literal);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.216.34",
        "8.8.8.8",
        "172.32.0.1",
        "100.128.0.1",
        "2606:2800:220:1::1",
        "::ffff:93.184.216.34"
      })
  void publicAddressesAreAccepted(String literal) throws Exception {
    assertTrue(WebhookTarget.isPublic(InetAddress.getByName(literal)), literal);
  }
}
