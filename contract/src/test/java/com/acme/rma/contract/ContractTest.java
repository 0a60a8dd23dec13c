package com.acme.rma.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract is whole and consistent: document, schemas, goldens and names agree. */
class ContractTest {

  static Stream<String> types() {
    return EventTypes.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("types")
  void everyGoldenValidatesAgainstItsSchema(String type) {
    assertEquals(List.of(), ContractSchemas.validate(type, Goldens.json(type)));
  }

  @ParameterizedTest
  @MethodSource("types")
  void theMinimalEventOfEveryTypeValidatesAndHoldsOnlyWhatIsRequired(String type) {
    ObjectNode minimal = Goldens.minimal(type);
    assertEquals(List.of(), ContractSchemas.validate(type, minimal.toString()));
    Set<String> required = new TreeSet<>();
    schema(type).path("required").forEach(name -> required.add(name.asText()));
    Set<String> present = new TreeSet<>();
    minimal.properties().forEach(m -> present.add(m.getKey()));
    assertEquals(required, present);
  }

  @ParameterizedTest
  @MethodSource("types")
  void everyTypeHasASchemaAGoldenAndAMessageOnItsTopic(String type) {
    JsonNode schema = schema(type);
    assertEquals(ContractSchemas.ID_BASE + type + ".schema.json", schema.path("$id").asText());
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
    assertEquals(type, schema.path("title").asText());
    assertTrue(schema.path("additionalProperties").asBoolean(), "consumers tolerate additions");
    assertTrue(ContractFiles.find("events/" + type + ".json").isPresent(), "golden of " + type);

    JsonNode doc = AsyncApi.tree();
    JsonNode message = doc.path("components").path("messages").path(type);
    assertFalse(message.isMissingNode(), "AsyncAPI message " + type);
    assertEquals(type, message.path("name").asText());
    assertEquals(
        "schemas/" + type + ".schema.json",
        message.path("payload").path("schema").path("$ref").asText());
    assertTrue(
        message.path("headers").toString().contains("\"const\":\"" + type + "\""),
        "ce_type of " + type + " in its headers");

    List<String> channels = new ArrayList<>();
    doc.path("channels")
        .properties()
        .forEach(
            channel -> {
              if (channel.getValue().path("messages").has(type)) {
                channels.add(channel.getValue().path("address").asText());
              }
            });
    assertEquals(List.of(EventTypes.topicOf(type)), channels);
  }

  @Test
  void everyTopicHasAChannelAndEveryChannelIsATopic() {
    Set<String> addresses = new TreeSet<>();
    AsyncApi.tree()
        .path("channels")
        .forEach(channel -> addresses.add(channel.path("address").asText()));
    Set<String> expected = new TreeSet<>(Topics.ALL);
    expected.add("{service}" + Topics.DEAD_LETTER_SUFFIX);
    assertEquals(expected, addresses);

    Set<String> services = new TreeSet<>();
    AsyncApi.tree()
        .at("/channels/deadLetters/parameters/service/enum")
        .forEach(s -> services.add(s.asText()));
    assertEquals(new TreeSet<>(Topics.CONSUMING_SERVICES), services);
  }

  @Test
  void everyMessageOfTheDocumentIsAContractType() {
    Set<String> messages = new TreeSet<>();
    AsyncApi.tree()
        .path("components")
        .path("messages")
        .properties()
        .forEach(message -> messages.add(message.getKey()));
    Set<String> expected = new TreeSet<>(EventTypes.ALL);
    expected.add("logistics.carrier.status.v1.structured");
    expected.add("deadLetter");
    assertEquals(expected, messages);
  }

  @Test
  void theDocumentIsAsyncApi3AndEveryReferenceResolves() {
    JsonNode doc = AsyncApi.tree();
    assertEquals("3.0.0", doc.path("asyncapi").asText());
    List<String> unresolved = new ArrayList<>();
    checkRefs(doc, doc, "", AsyncApi.FILE, unresolved, new HashSet<>());
    assertEquals(List.of(), unresolved);
  }

  @Test
  void theBundledDocumentHoldsEverySchemaAndNoFileReference() throws Exception {
    JsonNode bundled = AsyncApi.bundled();
    List<String> fileRefs = new ArrayList<>();
    collectRefs(bundled, fileRefs);
    fileRefs.removeIf(ref -> ref.startsWith("#"));
    assertEquals(List.of(), fileRefs);
    JsonNode inlined = bundled.at("/components/messages/rma.authorized.v1/payload/schema");
    assertEquals(
        ContractSchemas.ID_BASE + "rma.authorized.v1.schema.json", inlined.path("$id").asText());
    JsonNode structuredData =
        bundled.at(
            "/components/messages/logistics.carrier.status.v1.structured/payload/schema/properties/data");
    assertEquals(
        ContractSchemas.ID_BASE + "logistics.carrier.status.v1.schema.json",
        structuredData.path("$id").asText());
    assertEquals(bundled, new YAMLMapper().readTree(AsyncApi.bundledYaml()), "YAML round trip");
    assertEquals(bundled, ContractFiles.JSON.readTree(AsyncApi.bundledJson()), "JSON round trip");
    assertTrue(AsyncApi.bundledYaml().contains("asyncapi: 3.0.0"));
    assertTrue(AsyncApi.bundledJson().contains("\"asyncapi\" : \"3.0.0\""));
  }

  @Test
  void theStructuredCarrierGoldenValidatesAndItsDataIsTheBinaryGolden() throws Exception {
    String structured = Goldens.structured(EventTypes.CARRIER_STATUS);
    assertEquals(
        List.of(), ContractSchemas.validateStructured(EventTypes.CARRIER_STATUS, structured));
    assertEquals(
        Goldens.node(EventTypes.CARRIER_STATUS),
        ContractFiles.JSON.readTree(structured).path("data"));

    ObjectNode badData = (ObjectNode) ContractFiles.JSON.readTree(structured);
    ((ObjectNode) badData.path("data")).put("type", "TELEPORTED");
    assertFalse(
        ContractSchemas.validateStructured(EventTypes.CARRIER_STATUS, badData.toString())
            .isEmpty());
  }

  @Test
  void everyAddressHasTheSameLimits() {
    JsonNode reference = schema(EventTypes.RMA_AUTHORIZED).at("/$defs/Address/properties");
    for (String type : List.of(EventTypes.SHIPMENT_CREATED, EventTypes.SITE_CHANGED)) {
      JsonNode address = schema(type).at("/$defs/Address/properties");
      for (String field : List.of("line1", "line2", "city", "region", "postalCode", "country")) {
        assertEquals(reference.path(field), address.path(field), type + " Address." + field);
      }
    }
    assertEquals(64, reference.at("/postalCode/maxLength").asInt());
    // the registry stores coordinates with every site: required there, optional elsewhere
    assertTrue(
        schema(EventTypes.SITE_CHANGED)
            .at("/$defs/Address/required")
            .toString()
            .contains("latitude"));
  }

  /** The validator says no where it must: otherwise every golden test above would prove nothing. */
  @Test
  void brokenEventsAreRefused() {
    String type = EventTypes.RMA_AUTHORIZED;
    assertRefused(type, Goldens.node(type).without("shipTo"), "required");
    assertRefused(type, Goldens.node(type).put("serviceLevel", "PLATINUM"), "serviceLevel");
    assertRefused(type, Goldens.node(type).put("authorizedAt", "yesterday"), "authorizedAt");
    ObjectNode longPostal = Goldens.node(type);
    ((ObjectNode) longPostal.path("shipTo")).put("postalCode", "1".repeat(65));
    assertRefused(type, longPostal, "postalCode");
    ObjectNode country = Goldens.node(type);
    ((ObjectNode) country.path("shipTo")).put("country", "jp");
    assertRefused(type, country, "country");
    assertRefused(
        EventTypes.CARRIER_STATUS,
        Goldens.node(EventTypes.CARRIER_STATUS).put("trackingNumber", "49\u000101"),
        "trackingNumber");
    assertRefused(
        EventTypes.CARRIER_STATUS,
        Goldens.node(EventTypes.CARRIER_STATUS).put("carrier", "   "),
        "carrier");
    assertRefused(
        EventTypes.ENTITLEMENT_CHANGED,
        Goldens.node(EventTypes.ENTITLEMENT_CHANGED).put("contractEnd", "2027-02-30"),
        "contractEnd");
    assertRefused(
        EventTypes.SLA_DEADLINE_CHANGED,
        Goldens.node(EventTypes.SLA_DEADLINE_CHANGED).without("reason"),
        "reason");
  }

  @Test
  void additionsAreAccepted() {
    String type = EventTypes.SLA_MET;
    assertEquals(
        List.of(),
        ContractSchemas.validate(type, Goldens.node(type).put("correctsBreach", true).toString()));
  }

  @Test
  void theDocumentNamesWhatEachServiceReceives() {
    assertEquals(
        new TreeSet<>(
            List.of(
                EventTypes.RMA_AUTHORIZED, EventTypes.RMA_CANCELLED, EventTypes.CARRIER_STATUS)),
        AsyncApi.typesReceivedBy("rma-dispatch"));
    assertEquals(
        new TreeSet<>(
            List.of(
                EventTypes.SHIPMENT_SHIPPED,
                EventTypes.SHIPMENT_DELIVERED,
                EventTypes.SLA_DEADLINE_CHANGED,
                // the RMA timeline: every step of an RMA (its own group)
                EventTypes.RMA_AUTHORIZED,
                EventTypes.RMA_CANCELLED,
                EventTypes.RMA_REINSTATED,
                EventTypes.RMA_CLOSED,
                EventTypes.SHIPMENT_CREATED,
                EventTypes.SHIPMENT_EXPORT_HELD,
                EventTypes.SHIPMENT_EXPORT_CLEARED,
                EventTypes.SHIPMENT_DELIVERY_FAILED,
                EventTypes.SHIPMENT_CANCELLED,
                EventTypes.SHIPMENT_CANCEL_REFUSED,
                EventTypes.SLA_AT_RISK,
                EventTypes.SLA_BREACHED,
                EventTypes.SLA_MET,
                EventTypes.SLA_CALENDAR_CHANGED)),
        AsyncApi.typesReceivedBy("rma-intake"));
  }

  @Test
  void everyTypeNamesItsProducersSourceButTheCarrierEventsFromOutside() {
    for (String type : EventTypes.ALL) {
      String topic = EventTypes.topicOf(type);
      if (topic.equals(Topics.CARRIER_EVENTS)) {
        assertEquals(java.util.Optional.empty(), AsyncApi.sourceOf(type), type);
      } else {
        assertTrue(AsyncApi.sourceOf(type).isPresent(), type + " names no ce_source");
      }
    }
    assertEquals(
        java.util.Optional.of("/rma-intake"), AsyncApi.sourceOf(EventTypes.ENTITLEMENT_CHANGED));
    assertEquals(
        java.util.Optional.of("/sla-monitor"), AsyncApi.sourceOf(EventTypes.SLA_DEADLINE_CHANGED));
    assertEquals(java.util.Optional.empty(), AsyncApi.sourceOf("rma.teleported.v1"));
    assertEquals(
        Set.of("/rma-intake", "/address-registry", "/rma-dispatch", "/sla-monitor"),
        AsyncApi.serviceSources());
  }

  @Test
  void theDocumentNamesTheTopicsAndGroupsOfEachService() {
    assertEquals(
        Set.of(Topics.SLA_ALERTS, Topics.SLA_CLOCKS, Topics.SLA_CALENDARS),
        AsyncApi.topicsOf("sla-monitor", "send").keySet());
    var received = AsyncApi.topicsOf("sla-monitor", "receive");
    assertEquals("sla-monitor", received.get(Topics.LIFECYCLE));
    assertEquals("sla-monitor-live-<uuid>", received.get(Topics.SLA_ALERTS));
    assertEquals(
        Set.of(Topics.CARRIER_EVENTS), AsyncApi.topicsOf("logistics systems", "send").keySet());
    assertEquals(
        java.util.Map.of(Topics.SHIPMENTS, "logistics"),
        AsyncApi.topicsOf("logistics systems", "receive"));
  }

  @Test
  void namesOutsideTheContractAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> EventTypes.topicOf("rma.teleported.v1"));
    assertThrows(IllegalArgumentException.class, () -> Goldens.json("rma.teleported.v1"));
    assertThrows(
        IllegalArgumentException.class, () -> ContractSchemas.validate("rma.teleported.v1", "{}"));
  }

  @Test
  void goldensWithChangesReplaceTopLevelMembers() throws Exception {
    String json =
        Goldens.with(
            EventTypes.RMA_CLOSED,
            java.util.Map.of("rmaNumber", "RMA-2026-999999", "at", "2026-06-01T00:00:00Z"));
    JsonNode node = ContractFiles.JSON.readTree(json);
    assertEquals("RMA-2026-999999", node.path("rmaNumber").asText());
    assertEquals("2026-06-01T00:00:00Z", node.path("at").asText());
    assertEquals("NSX-GP-0001", node.path("serialNumber").asText());
  }

  @Test
  void everyTypeIsOnItsTopic() {
    for (String topic : Topics.ALL) {
      assertFalse(EventTypes.on(topic).isEmpty(), topic);
    }
    assertEquals(EventTypes.ALL.size(), new HashSet<>(EventTypes.ALL).size());
    assertEquals("rma-dispatch.dlq", Topics.deadLetters("rma-dispatch"));
  }

  private static void assertRefused(String type, ObjectNode event, String mentioning) {
    List<String> violations = ContractSchemas.validate(type, event.toString());
    assertFalse(violations.isEmpty(), type + " " + event + " was accepted");
    assertTrue(
        violations.stream().anyMatch(v -> v.contains(mentioning)),
        violations + " should mention " + mentioning);
  }

  private static JsonNode schema(String type) {
    return ContractFiles.readJson(ContractFiles.schemaPath(type));
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  /** Walks {@code node} (part of {@code root}, the file at {@code path}), following file refs. */
  private static void checkRefs(
      JsonNode node,
      JsonNode root,
      String folder,
      String path,
      List<String> unresolved,
      Set<String> visited) {
    if (node.isObject() && node.has("$ref")) {
      String ref = node.get("$ref").asText();
      String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
      String pointer = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
      JsonNode target = root;
      String targetFolder = folder;
      String targetPath = path;
      if (!file.isEmpty()) {
        targetPath = AsyncApi.normalize(folder + file);
        var text = ContractFiles.find(targetPath);
        if (text.isEmpty()) {
          unresolved.add(path + ": " + ref);
          return;
        }
        target = ContractFiles.readJson(targetPath);
        targetFolder = targetPath.substring(0, targetPath.lastIndexOf('/') + 1);
        if (visited.add(targetPath)) {
          checkRefs(target, target, targetFolder, targetPath, unresolved, visited);
        }
      }
      if (target.at(pointer).isMissingNode()) {
        unresolved.add(path + ": " + ref);
      }
    }
    node.forEach(child -> checkRefs(child, root, folder, path, unresolved, visited));
  }
}
