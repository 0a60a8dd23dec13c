package com.acme.rma.monitor;

import com.acme.rma.contract.Goldens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The contract's golden events, adapted per test (a fresh RMA number each time). */
public final class Fixtures {

  public static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** A number no other test uses (all tests share one database). */
  public static String newRmaNumber() {
    return "RMA-T-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
  }

  /** The contract's golden example of {@code type}. */
  public static ObjectNode golden(String type) {
    return Goldens.node(type);
  }

  /** The producer's golden of {@code type} with these fields replaced. */
  public static String event(String type, Map<String, Object> changes) {
    ObjectNode node = golden(type);
    changes.forEach((field, value) -> node.set(field, JSON.valueToTree(value)));
    return node.toString();
  }

  /** rma-intake's authorized golden for another RMA, level and authorization instant. */
  public static String authorized(String rmaNumber, String serviceLevel, Instant authorizedAt) {
    return event(
        "rma.authorized.v1",
        Map.of(
            "rmaNumber", rmaNumber,
            "serviceLevel", serviceLevel,
            "authorizedAt", authorizedAt.toString()));
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
