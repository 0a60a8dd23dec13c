package com.acme.rma.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether a service's OpenAPI document is one an integrator can generate a client from: every
 * {@code /api/} operation has a 2xx answer, each 2xx but 204 with a schema, and each 4xx/5xx answer
 * an {@code application/problem+json} body with a schema.
 */
public final class OpenApiChecks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private OpenApiChecks() {}

  /**
   * Asserts the rules above for every operation, and that the operations are exactly those
   * expected, each with at least the expected status codes ({@code "POST /api/v1/rmas" → 201, 409,
   * …}).
   */
  public static void assertClientReady(String openApiJson, Map<String, Set<String>> expected) {
    JsonNode doc = read(openApiJson);
    Map<String, Set<String>> actual = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
      while (ops.hasNext()) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        actual.put(name, check(doc, name, op.getValue().path("responses"), failures));
      }
    }
    assertEquals(List.of(), failures, "operations an integrator cannot generate a client from");
    assertEquals(new TreeSet<>(expected.keySet()), actual.keySet(), "documented operations");
    expected.forEach(
        (name, codes) ->
            assertTrue(
                actual.get(name).containsAll(codes),
                name + " documents " + actual.get(name) + ", expected at least " + codes));
  }

  private static Set<String> check(
      JsonNode doc, String name, JsonNode responses, List<String> failures) {
    Set<String> codes = new TreeSet<>();
    boolean success = false;
    Iterator<Map.Entry<String, JsonNode>> it = responses.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> response = it.next();
      String code = response.getKey();
      codes.add(code);
      JsonNode content = response.getValue().path("content");
      if (code.startsWith("2")) {
        success = true;
        if (!"204".equals(code) && !hasSchema(doc, content)) {
          failures.add(name + " " + code + ": no response schema");
        }
      } else if (code.startsWith("4") || code.startsWith("5")) {
        if (!hasSchema(doc, content.path("application/problem+json"))) {
          failures.add(name + " " + code + ": no application/problem+json schema");
        }
      }
    }
    if (!success) {
      failures.add(name + ": no 2xx answer");
    }
    return codes;
  }

  /** A schema under some media type (or this one), resolving a component $ref. */
  private static boolean hasSchema(JsonNode doc, JsonNode content) {
    if (content.has("schema")) {
      return resolves(doc, content.get("schema"));
    }
    Iterator<JsonNode> mediaTypes = content.elements();
    while (mediaTypes.hasNext()) {
      JsonNode media = mediaTypes.next();
      if (media.has("schema") && resolves(doc, media.get("schema"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean resolves(JsonNode doc, JsonNode schema) {
    if (!schema.has("$ref")) {
      return !schema.isEmpty();
    }
    String ref = schema.get("$ref").asText();
    String prefix = "#/components/schemas/";
    return ref.startsWith(prefix)
        && doc.path("components").path("schemas").has(ref.substring(prefix.length()));
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
