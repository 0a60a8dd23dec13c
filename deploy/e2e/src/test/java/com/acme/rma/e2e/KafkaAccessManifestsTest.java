package com.acme.rma.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.contract.AsyncApi;
import com.acme.rma.contract.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The Kafka lock-down in deploy/k8s, read from the files (no cluster runs here): the Strimzi
 * cluster takes TLS + SCRAM-SHA-512 only and authorizes; every KafkaUser's ACLs are exactly what
 * the event contract (AsyncAPI document) says its client sends and receives; every service pod
 * authenticates as its own user over TLS with the cluster CA; the NetworkPolicies deny by default
 * and allow exactly the system's flows.
 */
class KafkaAccessManifestsTest {

  private static final Path K8S = Path.of("..", "k8s");
  private static final Path BASE = K8S.resolve("base");
  private static final Path OBSERVABILITY = K8S.resolve("components").resolve("observability");
  private static final List<String> SERVICES =
      List.of("rma-intake", "address-registry", "rma-dispatch", "sla-monitor");
  private static final String LOGISTICS = "logistics";
  private static final YAMLMapper YAML = new YAMLMapper();

  // ---------------------------------------------------------------------------------- the cluster

  @Test
  void theClusterHasOnlyATlsListenerWithScramAndSimpleAuthorization() {
    JsonNode kafka = only(docs(BASE.resolve("kafka/kafka.yaml")), "Kafka");
    assertEquals("rma", kafka.at("/metadata/name").asText());
    JsonNode listeners = kafka.at("/spec/kafka/listeners");
    assertTrue(listeners.size() >= 1, "no listener");
    List<Executable> checks = new ArrayList<>();
    for (JsonNode listener : listeners) {
      String name = listener.path("name").asText();
      checks.add(() -> assertTrue(listener.path("tls").asBoolean(false), name + ": no TLS"));
      checks.add(
          () ->
              assertEquals(
                  "scram-sha-512",
                  listener.at("/authentication/type").asText(),
                  name + ": no SCRAM-SHA-512 authentication"));
    }
    checks.add(() -> assertEquals("simple", kafka.at("/spec/kafka/authorization/type").asText()));
    checks.add(
        () ->
            assertTrue(
                kafka.at("/spec/kafka/authorization/superUsers").isMissingNode()
                    || kafka.at("/spec/kafka/authorization/superUsers").isEmpty(),
                "no super users"));
    checks.add(
        () ->
            assertEquals(
                "false",
                kafka.at("/spec/kafka/config/auto.create.topics.enable").asText(),
                "topics come from the KafkaTopics only"));
    checks.add(
        () ->
            assertEquals(
                "rma",
                kafka.at("/spec/entityOperator/userOperator/watchedNamespace").asText(),
                "the User Operator writes the users' secrets where the services run"));
    assertAll(checks);
  }

  // ------------------------------------------------------------------------------------- the ACLs

  @Test
  void everyKafkaUsersAclsAreExactlyWhatTheContractSaysItSendsAndReceives() {
    Map<String, JsonNode> users = byName(docs(BASE.resolve("app/kafka-users.yaml")), "KafkaUser");
    SortedSet<String> clients = new TreeSet<>(SERVICES);
    clients.add(LOGISTICS);
    assertEquals(clients, users.keySet(), "a KafkaUser per service and one for logistics");

    List<Executable> checks = new ArrayList<>();
    for (String client : clients) {
      JsonNode user = users.get(client);
      checks.add(
          () -> assertEquals("rma", user.at("/metadata/labels/strimzi.io~1cluster").asText()));
      checks.add(
          () ->
              assertEquals("scram-sha-512", user.at("/spec/authentication/type").asText(), client));
      checks.add(
          () -> assertEquals("simple", user.at("/spec/authorization/type").asText(), client));
      checks.add(() -> assertEquals(expectedAcls(client), acls(user), client + "'s ACLs"));
    }
    assertAll(checks);
  }

  @Test
  void theExpectedAclsAreTheContractsAndTheLogisticsOnesAreNarrow() {
    // the derivation itself, on the two clients the issue names
    assertEquals(
        new TreeSet<>(
            List.of(
                "topic:literal:logistics.carrier-events:Describe",
                "topic:literal:logistics.carrier-events:Write",
                "topic:literal:dispatch.shipments:Describe",
                "topic:literal:dispatch.shipments:Read",
                "group:literal:logistics:Read")),
        expectedAcls(LOGISTICS));
    SortedSet<String> monitor = expectedAcls("sla-monitor");
    assertTrue(monitor.contains("topic:literal:sla.clocks:Write"), monitor.toString());
    assertTrue(monitor.contains("group:prefix:sla-monitor-live-:Read"), monitor.toString());
    assertTrue(monitor.contains("topic:literal:sla-monitor.dlq:Write"), monitor.toString());
    assertFalse(monitor.contains("topic:literal:rma.entitlements:Read"), monitor.toString());
    assertTrue(
        expectedAcls("rma-intake").contains("topic:literal:sla.clocks:Read"),
        "intake reads the monitor's clocks");
  }

  /**
   * From the AsyncAPI document: sends → Write + Describe, receives → Read + Describe and Read on
   * the group (a per-process group {@code x-<uuid>} as the prefix {@code x-}); a consuming
   * service's dead-letter topic → Write (dead letters), Read + Describe (the ops listing).
   */
  private static SortedSet<String> expectedAcls(String client) {
    String title = client.equals(LOGISTICS) ? "logistics systems" : client;
    SortedSet<String> acls = new TreeSet<>();
    AsyncApi.topicsOf(title, "send")
        .keySet()
        .forEach(
            topic -> {
              if (topic.contains("{")) {
                return; // the dead-letter channel '{service}.dlq', below
              }
              acls.add("topic:literal:" + topic + ":Write");
              acls.add("topic:literal:" + topic + ":Describe");
            });
    AsyncApi.topicsOf(title, "receive")
        .forEach(
            (topic, group) -> {
              acls.add("topic:literal:" + topic + ":Read");
              acls.add("topic:literal:" + topic + ":Describe");
              assertNotNull(group, title + " names no group for " + topic);
            });
    AsyncApi.groupsOf(title)
        .forEach(
            group ->
                acls.add(
                    group.endsWith("<uuid>")
                        ? "group:prefix:" + group.substring(0, group.length() - 6) + ":Read"
                        : "group:literal:" + group + ":Read"));
    if (Topics.CONSUMING_SERVICES.contains(client)) {
      String dlq = Topics.deadLetters(client);
      for (String operation : List.of("Read", "Write", "Describe")) {
        acls.add("topic:literal:" + dlq + ":" + operation);
      }
    }
    assertFalse(acls.isEmpty(), "the contract names nothing for " + client);
    return acls;
  }

  /** The user's ACLs as type:pattern:name:operation, one per operation. */
  private static SortedSet<String> acls(JsonNode user) {
    SortedSet<String> acls = new TreeSet<>();
    for (JsonNode acl : user.at("/spec/authorization/acls")) {
      assertEquals("allow", acl.path("type").asText("allow"), "only allow rules");
      assertEquals("*", acl.path("host").asText("*"));
      JsonNode resource = acl.path("resource");
      List<String> operations = new ArrayList<>();
      acl.path("operations").forEach(op -> operations.add(op.asText()));
      if (acl.has("operation")) {
        operations.add(acl.path("operation").asText());
      }
      for (String operation : operations) {
        acls.add(
            resource.path("type").asText()
                + ":"
                + resource.path("patternType").asText("literal")
                + ":"
                + resource.path("name").asText()
                + ":"
                + operation);
      }
    }
    return acls;
  }

  // ------------------------------------------------------------------------- the services' side

  @Test
  void everyServicePodTalksSaslSslAsItsOwnUserWithTheClusterCa() {
    JsonNode config = only(docs(BASE.resolve("app/config.yaml")), "ConfigMap").path("data");
    assertEquals("SASL_SSL", config.path("KAFKA_SECURITY_PROTOCOL").asText());
    assertEquals("SCRAM-SHA-512", config.path("KAFKA_SASL_MECHANISM").asText());
    assertTrue(
        config.path("KAFKA_BOOTSTRAP_SERVERS").asText().endsWith(":" + tlsListenerPort()),
        "the bootstrap address is the TLS listener's");
    String truststore = config.path("KAFKA_SSL_TRUSTSTORE_LOCATION").asText();
    assertFalse(truststore.isBlank(), "a truststore");

    List<Executable> checks = new ArrayList<>();
    for (String service : SERVICES) {
      JsonNode deployment = only(docs(BASE.resolve("app/" + service + ".yaml")), "Deployment");
      JsonNode pod = deployment.at("/spec/template/spec");
      JsonNode container = pod.path("containers").get(0);
      Map<String, JsonNode> env = new TreeMap<>();
      container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
      checks.add(
          () -> {
            JsonNode jaas = env.get("KAFKA_SASL_JAAS_CONFIG");
            assertNotNull(jaas, service + " has no Kafka credentials");
            assertEquals(service, jaas.at("/valueFrom/secretKeyRef/name").asText(), service);
            assertEquals("sasl.jaas.config", jaas.at("/valueFrom/secretKeyRef/key").asText());
          });
      for (String key :
          List.of(
              "KAFKA_BOOTSTRAP_SERVERS",
              "KAFKA_SECURITY_PROTOCOL",
              "KAFKA_SASL_MECHANISM",
              "KAFKA_SSL_TRUSTSTORE_TYPE",
              "KAFKA_SSL_TRUSTSTORE_LOCATION")) {
        checks.add(
            () ->
                assertEquals(
                    key,
                    env.get(key).at("/valueFrom/configMapKeyRef/key").asText(),
                    service + " reads " + key + " from rma-config"));
      }
      checks.add(
          () -> {
            String volume = null;
            for (JsonNode mount : container.path("volumeMounts")) {
              if (truststore.startsWith(mount.path("mountPath").asText() + "/")) {
                volume = mount.path("name").asText();
              }
            }
            assertNotNull(volume, service + " mounts no truststore at " + truststore);
            JsonNode secret = null;
            for (JsonNode v : pod.path("volumes")) {
              if (v.path("name").asText().equals(volume)) {
                secret = v.path("secret");
              }
            }
            assertNotNull(secret, service + ": volume " + volume);
            assertEquals("rma-cluster-ca-cert", secret.path("secretName").asText(), service);
          });
    }
    assertAll(checks);
  }

  private static int tlsListenerPort() {
    return only(docs(BASE.resolve("kafka/kafka.yaml")), "Kafka")
        .at("/spec/kafka/listeners/0/port")
        .asInt();
  }

  // ---------------------------------------------------------------------- the NetworkPolicies

  @Test
  void theNamespaceDeniesEverythingByDefaultAndAllowsExactlyTheSystemsFlows() {
    List<JsonNode> policies = new ArrayList<>();
    policies.addAll(ofKind(docs(BASE.resolve("app/network-policies.yaml")), "NetworkPolicy"));
    policies.addAll(ofKind(docs(OBSERVABILITY.resolve("network-policies.yaml")), "NetworkPolicy"));

    JsonNode deny =
        policies.stream()
            .filter(p -> p.at("/metadata/name").asText().equals("default-deny"))
            .findFirst()
            .orElseThrow();
    assertTrue(deny.at("/spec/podSelector").isEmpty(), "default deny selects every pod");
    assertEquals(Set.of("Ingress", "Egress"), strings(deny.at("/spec/policyTypes")));
    assertTrue(deny.at("/spec/ingress").isMissingNode() && deny.at("/spec/egress").isMissingNode());

    SortedSet<String> flows = new TreeSet<>();
    for (JsonNode policy : policies) {
      flows.addAll(flows(policy));
    }
    SortedSet<String> expected =
        new TreeSet<>(
            List.of(
                "egress any -> ns:kube-system{k8s-app=kube-dns} UDP/53",
                "egress any -> ns:kube-system{k8s-app=kube-dns} TCP/53",
                "ingress services <- ns:ingress-nginx TCP/http",
                "ingress address-registry <- rma-intake TCP/http",
                "egress rma-intake -> address-registry TCP/http",
                "egress services -> ns:kafka{strimzi.io/cluster=rma,strimzi.io/kind=Kafka} TCP/9093",
                "ingress services <- ns:monitoring{app.kubernetes.io/name=prometheus}"
                    + " TCP/management",
                "egress services -> ns:observability TCP/4317",
                // each service to its own database, and what the databases need
                "egress rma-intake -> db:rma-intake-db TCP/5432",
                "egress address-registry -> db:address-registry-db TCP/5432",
                "egress rma-dispatch -> db:rma-dispatch-db TCP/5432",
                "egress sla-monitor -> db:sla-monitor-db TCP/5432",
                "ingress databases <- services TCP/5432",
                "ingress databases <- databases TCP/5432",
                "ingress databases <- ns:cnpg-system TCP/8000",
                "egress databases -> databases TCP/5432",
                "egress databases -> anywhere TCP/443",
                "egress databases -> anywhere TCP/6443"));
    assertEquals(expected, flows);
  }

  @Test
  void onlyTheServicesAndTheLogisticsClientsMayReachTheBrokers() {
    JsonNode listener =
        only(docs(BASE.resolve("kafka/kafka.yaml")), "Kafka").at("/spec/kafka/listeners/0");
    List<String> peers = new ArrayList<>();
    listener
        .path("networkPolicyPeers")
        .forEach(peer -> peers.add(labels(peer.path("namespaceSelector")) + " " + pods(peer)));
    assertEquals(
        List.of(
            "{kubernetes.io/metadata.name=rma} services",
            "{rma.acme.com/kafka-client=logistics} any"),
        peers);
  }

  /** The flows a policy allows, one string per rule × peer × port. */
  private static List<String> flows(JsonNode policy) {
    List<String> flows = new ArrayList<>();
    String subject = pods(policy.path("spec"));
    for (String direction : List.of("ingress", "egress")) {
      for (JsonNode rule : policy.at("/spec/" + direction)) {
        List<String> peers = new ArrayList<>();
        JsonNode list = rule.path(direction.equals("ingress") ? "from" : "to");
        if (list.isMissingNode() || list.isEmpty()) {
          peers.add("anywhere");
        }
        for (JsonNode peer : list) {
          String pods = pods(peer);
          if (peer.has("namespaceSelector")) {
            JsonNode ns = peer.path("namespaceSelector").path("matchLabels");
            String name = ns.path("kubernetes.io/metadata.name").asText();
            peers.add(
                "ns:" + name + (peer.has("podSelector") ? labels(peer.path("podSelector")) : ""));
          } else {
            peers.add(pods);
          }
        }
        for (String peer : peers) {
          for (JsonNode port : rule.path("ports")) {
            flows.add(
                direction
                    + " "
                    + subject
                    + (direction.equals("ingress") ? " <- " : " -> ")
                    + peer
                    + " "
                    + port.path("protocol").asText("TCP")
                    + "/"
                    + port.path("port").asText());
          }
        }
      }
    }
    return flows;
  }

  /**
   * A pod selector in words: any, services, databases, db:&lt;cluster&gt; or the service's name.
   */
  private static String pods(JsonNode holder) {
    JsonNode selector = holder.path("podSelector");
    if (selector.isMissingNode() || selector.isEmpty()) {
      return "any";
    }
    JsonNode labels = selector.path("matchLabels");
    if (selector.path("matchExpressions").size() == 1
        && selector.at("/matchExpressions/0/key").asText().equals("cnpg.io/cluster")
        && selector.at("/matchExpressions/0/operator").asText().equals("Exists")) {
      return "databases";
    }
    if (labels.size() == 2
        && labels.path("app.kubernetes.io/part-of").asText().equals("rma")
        && labels.path("app.kubernetes.io/component").asText().equals("service")) {
      return "services";
    }
    if (labels.size() == 1 && labels.has("app.kubernetes.io/name")) {
      return labels.path("app.kubernetes.io/name").asText();
    }
    if (labels.size() == 1 && labels.has("cnpg.io/cluster")) {
      return "db:" + labels.path("cnpg.io/cluster").asText();
    }
    return labels(selector);
  }

  private static String labels(JsonNode selector) {
    Map<String, String> labels = new TreeMap<>();
    selector
        .path("matchLabels")
        .properties()
        .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  // ------------------------------------------------------------------------------------ reading

  private static List<JsonNode> docs(Path file) {
    try (MappingIterator<JsonNode> it =
        YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class)) {
      List<JsonNode> docs = new ArrayList<>();
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
      assertFalse(docs.isEmpty(), file + " holds nothing");
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }

  private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
    return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
  }

  private static JsonNode only(List<JsonNode> docs, String kind) {
    List<JsonNode> found = ofKind(docs, kind);
    assertEquals(1, found.size(), "one " + kind);
    return found.get(0);
  }

  private static Map<String, JsonNode> byName(List<JsonNode> docs, String kind) {
    Map<String, JsonNode> byName = new TreeMap<>();
    ofKind(docs, kind).forEach(d -> byName.put(d.at("/metadata/name").asText(), d));
    return byName;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new TreeSet<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
