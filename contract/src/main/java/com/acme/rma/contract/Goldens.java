package com.acme.rma.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The golden example of every event type ({@code contract/events/<type>.json}): what its producer
 * writes, field for field. Producers' tests compare what they publish with it; consumers' tests
 * feed it to their listeners. Every call returns a fresh copy to change at will.
 */
public final class Goldens {

  private Goldens() {}

  /** The golden's JSON text, as kept in the contract. */
  public static String json(String type) {
    return ContractFiles.read(path(type));
  }

  /** The golden as a tree. */
  public static ObjectNode node(String type) {
    return (ObjectNode) ContractFiles.readJson(path(type));
  }

  /** The golden with these top-level members replaced (values as Jackson writes them), as JSON. */
  public static String with(String type, Map<String, ?> changes) {
    ObjectNode node = node(type);
    changes.forEach((name, value) -> node.set(name, ContractFiles.JSON.valueToTree(value)));
    return node.toString();
  }

  /**
   * The golden reduced to what its schema requires: every member the schema does not list as {@code
   * required} left out, in nested objects too. A consumer that accepts this accepts every event its
   * producer may legally send.
   */
  public static ObjectNode minimal(String type) {
    JsonNode schema = ContractFiles.readJson(ContractFiles.schemaPath(type));
    return (ObjectNode) reduce(node(type), schema, schema);
  }

  /**
   * The structured-mode golden of a type ({@code contract/events/structured/<type>.json}): the
   * CloudEvent as one JSON document, {@code content-type: application/cloudevents+json}. Only
   * {@code logistics.carrier.status.v1} is accepted in structured mode.
   */
  public static String structured(String type) {
    return ContractFiles.read("events/structured/" + type + ".json");
  }

  private static String path(String type) {
    return "events/" + type + ".json";
  }

  private static JsonNode reduce(JsonNode value, JsonNode schema, JsonNode root) {
    JsonNode resolved = resolve(schema, root);
    if (!value.isObject() || !resolved.has("properties")) {
      return value;
    }
    Set<String> required = new HashSet<>();
    resolved.path("required").forEach(name -> required.add(name.asText()));
    ObjectNode reduced = ContractFiles.JSON.createObjectNode();
    value
        .properties()
        .forEach(
            member -> {
              if (required.contains(member.getKey())) {
                JsonNode memberSchema = resolved.path("properties").path(member.getKey());
                reduced.set(member.getKey(), reduce(member.getValue(), memberSchema, root));
              }
            });
    return reduced;
  }

  /** Follows a local {@code $ref} ({@code #/$defs/...}) within the same schema file. */
  private static JsonNode resolve(JsonNode schema, JsonNode root) {
    JsonNode ref = schema.get("$ref");
    if (ref == null || !ref.asText().startsWith("#")) {
      return schema;
    }
    return root.at(ref.asText().substring(1));
  }
}
