package com.acme.rma.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Golden events of the producing services, adapted per test (a fresh RMA number each time). */
public final class Fixtures {

  public static final ObjectMapper JSON = new ObjectMapper();

  public static final Path INTAKE_EVENTS = Path.of("../rma-intake/src/test/resources/events");
  public static final Path DISPATCH_EVENTS = Path.of("../rma-dispatch/src/test/resources/events");
  public static final Path OWN_EVENTS = Path.of("src/test/resources/events");

  private Fixtures() {}

  /** A number no other test uses (all tests share one database). */
  public static String newRmaNumber() {
    return "RMA-T-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
  }

  public static ObjectNode golden(Path folder, String type) {
    try {
      return (ObjectNode) JSON.readTree(Files.readString(folder.resolve(type + ".json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The producer's golden of {@code type} with these fields replaced. */
  public static String event(Path folder, String type, Map<String, Object> changes) {
    ObjectNode node = golden(folder, type);
    changes.forEach((field, value) -> node.set(field, JSON.valueToTree(value)));
    return node.toString();
  }

  /** rma-intake's authorized golden for another RMA, level and authorization instant. */
  public static String authorized(String rmaNumber, String serviceLevel, Instant authorizedAt) {
    return event(
        INTAKE_EVENTS,
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
