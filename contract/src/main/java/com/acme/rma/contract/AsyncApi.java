package com.acme.rma.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The AsyncAPI 3 document of every topic ({@code contract/asyncapi.yaml}). In the repository its
 * message payloads refer to the schema files beside it ({@code schemas/<type>.schema.json}); the
 * <em>bundled</em> document has each of those files inlined where it is referred to (a schema keeps
 * its {@code $id}, so it stays a resource of its own), so that one download is complete.
 */
public final class AsyncApi {

  /** The document's place in the contract (and on the classpath, under {@code contract/}). */
  public static final String FILE = "asyncapi.yaml";

  private static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  // "1.0" stays a string (ce_specversion), not the number 1.0
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .build())
          .build();

  private AsyncApi() {}

  /** The document as kept in the repository (YAML, with comments). */
  public static String source() {
    return ContractFiles.read(FILE);
  }

  /** The document parsed, its file references left as they are. */
  public static JsonNode tree() {
    try {
      return YAML.readTree(source());
    } catch (IOException e) {
      throw new UncheckedIOException("contract/" + FILE + " is not YAML", e);
    }
  }

  /**
   * The event types the document says {@code service} receives (its {@code receive} operations,
   * titled with the service's name), e.g. {@code rma.authorized.v1} for rma-dispatch.
   */
  public static java.util.SortedSet<String> typesReceivedBy(String service) {
    JsonNode doc = tree();
    java.util.SortedSet<String> types = new java.util.TreeSet<>();
    doc.path("operations")
        .forEach(
            operation -> {
              if ("receive".equals(operation.path("action").asText())
                  && service.equals(operation.path("title").asText())) {
                operation
                    .path("messages")
                    .forEach(
                        ref -> {
                          String pointer = ref.path("$ref").asText().substring(1);
                          JsonNode message = doc.at(pointer);
                          JsonNode resolved =
                              message.has("$ref")
                                  ? doc.at(message.path("$ref").asText().substring(1))
                                  : message;
                          types.add(resolved.path("name").asText());
                        });
              }
            });
    return types;
  }

  /**
   * The {@code ce_source} the document names for events of this type (the producing service, e.g.
   * {@code /rma-intake}), or empty when the type comes from outside (the logistics systems' carrier
   * events) or is not in the contract.
   */
  public static java.util.Optional<String> sourceOf(String type) {
    return java.util.Optional.ofNullable(Sources.BY_TYPE.get(type));
  }

  /** Every source the document names for a producing service ({@code /rma-intake}, ...). */
  public static java.util.Set<String> serviceSources() {
    return java.util.Set.copyOf(Sources.BY_TYPE.values());
  }

  /** Read once, on first use: the {@code ce_source} const of each message's headers. */
  private static final class Sources {
    static final Map<String, String> BY_TYPE = read();

    private static Map<String, String> read() {
      Map<String, String> sources = new java.util.TreeMap<>();
      tree()
          .path("components")
          .path("messages")
          .forEach(
              message ->
                  message
                      .path("headers")
                      .path("allOf")
                      .forEach(
                          part -> {
                            JsonNode source =
                                part.path("properties").path("ce_source").path("const");
                            if (source.isTextual()) {
                              sources.put(message.path("name").asText(), source.asText());
                            }
                          }));
      return java.util.Collections.unmodifiableMap(sources);
    }
  }

  /**
   * The topics {@code service} sends to or receives from, by its operations (titled with the
   * service's name): {@code action} is {@code send} or {@code receive}. Each topic maps to the
   * consumer group the operation names ({@code null} for a send); a group ending in {@code <uuid>}
   * is one per process, named by the prefix before it.
   */
  public static java.util.SortedMap<String, String> topicsOf(String service, String action) {
    JsonNode doc = tree();
    java.util.SortedMap<String, String> topics = new java.util.TreeMap<>();
    doc.path("operations")
        .forEach(
            operation -> {
              if (action.equals(operation.path("action").asText())
                  && service.equals(operation.path("title").asText())) {
                String pointer = operation.path("channel").path("$ref").asText().substring(1);
                String topic = doc.at(pointer).path("address").asText();
                JsonNode group =
                    operation.path("bindings").path("kafka").path("groupId").path("const");
                topics.put(topic, group.isTextual() ? group.asText() : null);
              }
            });
    return topics;
  }

  /**
   * Every consumer group {@code service} receives as, one per receive operation (a service may read
   * one topic in several groups, e.g. rma-intake's RMA timeline beside its own consumers).
   */
  public static java.util.SortedSet<String> groupsOf(String service) {
    java.util.SortedSet<String> groups = new java.util.TreeSet<>();
    tree()
        .path("operations")
        .forEach(
            operation -> {
              JsonNode group =
                  operation.path("bindings").path("kafka").path("groupId").path("const");
              if ("receive".equals(operation.path("action").asText())
                  && service.equals(operation.path("title").asText())
                  && group.isTextual()) {
                groups.add(group.asText());
              }
            });
    return groups;
  }

  /** The document with every referenced schema file inlined. */
  public static JsonNode bundled() {
    return inline(tree(), "");
  }

  /** {@link #bundled()} as YAML. */
  public static String bundledYaml() {
    try {
      return YAML.writeValueAsString(bundled());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #bundled()} as JSON. */
  public static String bundledJson() {
    try {
      return ContractFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bundled());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Replaces each {@code {"$ref": "<file>"}} that names another file (relative to {@code folder},
   * no fragment) by that file's content, itself inlined; local references ({@code #/...}) stay.
   */
  private static JsonNode inline(JsonNode node, String folder) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && node.size() == 1 && isFile(ref.asText())) {
        String path = normalize(folder + ref.asText());
        return inline(ContractFiles.readJson(path), path.substring(0, path.lastIndexOf('/') + 1));
      }
      ObjectNode copy = ContractFiles.JSON.createObjectNode();
      Iterator<Map.Entry<String, JsonNode>> members = node.properties().iterator();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> member = members.next();
        copy.set(member.getKey(), inline(member.getValue(), folder));
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = ContractFiles.JSON.createArrayNode();
      node.forEach(element -> copy.add(inline(element, folder)));
      return copy;
    }
    return node;
  }

  static boolean isFile(String ref) {
    return !ref.startsWith("#") && !ref.contains("://") && !ref.contains("#");
  }

  /**
   * Resolves {@code ..} segments: {@code schemas/structured/../x.json} → {@code schemas/x.json}.
   */
  static String normalize(String path) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.equals("..")) {
        parts.removeLast();
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }
}
