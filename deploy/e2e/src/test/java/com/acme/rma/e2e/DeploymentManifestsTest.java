package com.acme.rma.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Checks the deployment files by reading them, as no cluster and no Docker engine run where the
 * build runs: deploy/k8s (kustomize base and overlays) and deploy/compose/compose.yaml. Every test
 * also asserts that it found what it checks, so none can pass by matching nothing.
 */
class DeploymentManifestsTest {

  private static final Path K8S = Path.of("..", "k8s");
  private static final Path BASE = K8S.resolve("base");
  private static final Path OVERLAYS = K8S.resolve("overlays");
  private static final Path COMPOSE_FILE = Path.of("..", "compose", "compose.yaml");

  private static final List<String> SERVICES =
      List.of("rma-intake", "address-registry", "rma-dispatch", "sla-monitor");

  private static final Map<String, Boolean> CONTRACT_TOPICS_COMPACTED = contractTopics();

  private static final Pattern SECRET_LOOKING_NAME = Pattern.compile("PASSWORD|SECRET|TOKEN|KEY");

  /** A "${NAME:?message}" reference that Compose must resolve from the user's .env file. */
  private static final Pattern REQUIRED_INTERPOLATION =
      Pattern.compile("\\$\\{[A-Z0-9_]+:\\?[^}]*}");

  private static final YAMLMapper YAML = new YAMLMapper();

  private static Map<String, Boolean> contractTopics() {
    Map<String, Boolean> topics = new LinkedHashMap<>();
    topics.put("rma.entitlements", true);
    topics.put("rma.lifecycle", false);
    topics.put("registry.sites", true);
    topics.put("dispatch.shipments", false);
    topics.put("logistics.carrier-events", false);
    topics.put("sla.alerts", false);
    topics.put("sla.clocks", false);
    topics.put("sla.calendars", true);
    for (String service : SERVICES) {
      topics.put(service + ".dlq", false);
    }
    return topics;
  }

  // ---------------------------------------------------------------------------------------------
  // files

  @Test
  void everyYamlFileUnderK8sAndTheComposeFileParses() {
    List<Path> files = new ArrayList<>(yamlFilesUnder(K8S));
    files.add(COMPOSE_FILE);
    assertTrue(files.size() >= 15, "expected the kustomize tree and compose.yaml, found " + files);

    List<Executable> checks = new ArrayList<>();
    for (Path file : files) {
      checks.add(
          () -> assertFalse(documents(file).isEmpty(), file + " holds no YAML document at all"));
    }
    assertAll(checks);
  }

  @Test
  void everyKustomizationListsOnlyFilesAndFoldersThatExist() {
    List<Path> kustomizations =
        yamlFilesUnder(K8S).stream()
            .filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
            .toList();
    assertEquals(
        6,
        kustomizations.size(),
        "base, base/app, base/kafka, components/observability, dev, production");

    List<Executable> checks = new ArrayList<>();
    for (Path kustomization : kustomizations) {
      List<String> references = referencedPaths(single(kustomization));
      assertFalse(references.isEmpty(), kustomization + " lists nothing");
      for (String reference : references) {
        Path target = kustomization.getParent().resolve(reference).normalize();
        checks.add(
            () -> {
              assertTrue(Files.exists(target), kustomization + " lists missing " + reference);
              if (Files.isDirectory(target)) {
                assertTrue(
                    Files.exists(target.resolve("kustomization.yaml")),
                    kustomization + " lists folder " + reference + " without a kustomization.yaml");
              }
            });
      }
      JsonNode secretGenerator = single(kustomization).path("secretGenerator");
      checks.add(
          () ->
              assertTrue(
                  secretGenerator.findValues("literals").isEmpty(),
                  kustomization + " writes secret values inline"));
    }
    assertAll(checks);
  }

  // ---------------------------------------------------------------------------------------------
  // services

  @Test
  void everyServiceHasADeploymentAndAServiceInTheBase() {
    Map<String, JsonNode> deployments = byName(baseResources(), "Deployment");
    Map<String, JsonNode> services = byName(baseResources(), "Service");
    assertEquals(new TreeSet<>(SERVICES), new TreeSet<>(deployments.keySet()), "Deployments");
    assertEquals(new TreeSet<>(SERVICES), new TreeSet<>(services.keySet()), "Services");

    List<Executable> checks = new ArrayList<>();
    for (String name : SERVICES) {
      JsonNode deployment = deployments.get(name);
      JsonNode service = services.get(name);
      JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
      JsonNode container = onlyContainer(deployment);
      checks.add(
          () -> {
            assertEquals(name, text(podLabels, "app.kubernetes.io/name"), name + " pod label");
            assertEquals("rma", text(podLabels, "app.kubernetes.io/part-of"), name + " part-of");
            assertEquals(
                "rma", text(deployment.at("/metadata/labels"), "app.kubernetes.io/part-of"));
            assertEquals("rma/" + name + ":1.0.0", container.path("image").asText(), "image");
            assertEquals(
                deployment.at("/spec/selector/matchLabels"),
                service.path("spec").path("selector"),
                name + ": the Service selects the Deployment's pods");
            assertTrue(
                selects(deployment.at("/spec/selector/matchLabels"), podLabels),
                name + ": the Deployment selects its own pods");
            assertEquals("ClusterIP", service.at("/spec/type").asText("ClusterIP"));
            JsonNode port = service.at("/spec/ports/0");
            assertEquals(80, port.path("port").asInt(), name + " Service port");
            assertTrue(
                declaresPort(container, port.path("targetPort")),
                name + ": the Service's targetPort is a port of the container");
          });
    }
    assertAll(checks);
  }

  @Test
  void everyContainerProbesReadinessAndLivenessOnTheQuarkusHealthEndpoints() {
    List<JsonNode> containers = baseContainers();
    assertEquals(SERVICES.size(), containers.size(), "one container per service");

    List<Executable> checks = new ArrayList<>();
    for (JsonNode container : containers) {
      String name = container.path("name").asText();
      checks.add(
          () -> {
            assertEquals(
                "/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), name);
            assertEquals(
                "/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), name);
            assertTrue(container.has("startupProbe"), name + " has no startup probe");
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
              assertTrue(
                  declaresPort(container, container.path(probe).at("/httpGet/port")),
                  name + ": the " + probe + " port is a port of the container");
            }
          });
    }
    assertAll(checks);
  }

  @Test
  void everyContainerRequestsCpuAndMemoryAndLimitsMemory() {
    List<JsonNode> containers = baseContainers();
    assertEquals(SERVICES.size(), containers.size(), "one container per service");

    List<Executable> checks = new ArrayList<>();
    for (JsonNode container : containers) {
      String name = container.path("name").asText();
      JsonNode resources = container.path("resources");
      checks.add(
          () -> {
            assertFalse(resources.at("/requests/cpu").asText().isEmpty(), name + " cpu request");
            assertFalse(
                resources.at("/requests/memory").asText().isEmpty(), name + " memory request");
            assertFalse(resources.at("/limits/memory").asText().isEmpty(), name + " memory limit");
          });
    }
    String javaOptions = rmaConfig().path("JAVA_OPTS_APPEND").asText();
    checks.add(
        () ->
            assertTrue(
                javaOptions.contains("-XX:MaxRAMPercentage="),
                "the heap follows the memory limit: " + javaOptions));
    checks.add(
        () ->
            assertTrue(
                javaOptions.contains("-XX:+ExitOnOutOfMemoryError"),
                "a JVM out of heap exits and is restarted, not left half-alive: " + javaOptions));
    assertAll(checks);
  }

  @Test
  void everyPodRunsAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp() {
    Map<String, JsonNode> deployments = byName(baseResources(), "Deployment");
    assertEquals(SERVICES.size(), deployments.size(), "Deployments");

    List<Executable> checks = new ArrayList<>();
    deployments.forEach(
        (name, deployment) -> {
          JsonNode pod = deployment.at("/spec/template/spec");
          JsonNode container = onlyContainer(deployment);
          checks.add(
              () -> {
                assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), name);
                assertTrue(
                    container.at("/securityContext/readOnlyRootFilesystem").asBoolean(), name);
                assertFalse(
                    container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true),
                    name);
                String tmpVolume = volumeMountedAt(container, "/tmp");
                assertNotNull(tmpVolume, name + " mounts nothing on /tmp");
                assertTrue(
                    volumeNamed(pod, tmpVolume).has("emptyDir"), name + ": /tmp is an emptyDir");
              });
        });
    assertAll(checks);
  }

  // ---------------------------------------------------------------------------------------------
  // configuration and secrets

  @Test
  void everyConfigMapKeyAServiceReadsIsDefinedInRmaConfig() {
    JsonNode config = rmaConfig();
    List<JsonNode> references = new ArrayList<>();
    baseContainers()
        .forEach(container -> references.addAll(container.findValues("configMapKeyRef")));
    assertTrue(references.size() >= 5 * SERVICES.size(), "configMapKeyRefs: " + references.size());

    List<Executable> checks = new ArrayList<>();
    for (JsonNode reference : references) {
      checks.add(
          () -> {
            assertEquals("rma-config", reference.path("name").asText(), reference.toString());
            assertTrue(config.has(reference.path("key").asText()), "missing key " + reference);
          });
    }
    checks.add(
        () ->
            assertEquals(
                "http://address-registry",
                config.path("RMA_REGISTRY_URL").asText(),
                "rma-intake reaches the registry through its Service"));
    assertAll(checks);
  }

  @Test
  void everyServiceReadsItsPortFromRmaConfigAndListensOnIt() {
    JsonNode config = rmaConfig();
    Map<String, JsonNode> deployments = byName(baseResources(), "Deployment");
    assertEquals(SERVICES.size(), deployments.size(), "Deployments");

    List<Executable> checks = new ArrayList<>();
    deployments.forEach(
        (name, deployment) -> {
          JsonNode container = onlyContainer(deployment);
          JsonNode portReference =
              env(container).getOrDefault("QUARKUS_HTTP_PORT", YAML.createObjectNode());
          checks.add(
              () -> {
                String key = portReference.at("/valueFrom/configMapKeyRef/key").asText();
                assertFalse(key.isEmpty(), name + " takes QUARKUS_HTTP_PORT from rma-config");
                assertEquals(
                    config.path(key).asText(),
                    container.at("/ports/0/containerPort").asText(),
                    name + ": the container port is the port the service listens on");
              });
        });
    assertAll(checks);
  }

  @Test
  void noSecretIsCommittedAndEverySecretIsReadByReference() {
    List<Doc> all = yamlFilesUnder(K8S).stream().flatMap(file -> docs(file).stream()).toList();
    assertTrue(all.size() >= 20, "documents under deploy/k8s: " + all.size());

    Set<String> referenced = new TreeSet<>();
    for (JsonNode container : baseContainers()) {
      container
          .findValues("secretKeyRef")
          .forEach(ref -> referenced.add(ref.path("name").asText()));
    }
    for (Doc deployment : ofKind(baseResources(), "Deployment")) {
      for (JsonNode volume : deployment.node().at("/spec/template/spec/volumes")) {
        if (volume.has("secret")) {
          referenced.add(volume.at("/secret/secretName").asText());
        }
      }
    }
    Set<String> expected = new TreeSet<>();
    SERVICES.forEach(service -> expected.add(service + "-db-app"));
    expected.add("rma-jwt");
    // Strimzi's: each service's KafkaUser secret (the User Operator's) and the cluster CA's copy
    expected.addAll(SERVICES);
    expected.add("rma-cluster-ca-cert");
    expected.add("rma-intake-oidc");
    assertEquals(expected, referenced, "secrets the services read (created outside git)");

    List<Executable> checks = new ArrayList<>();
    for (Doc doc : all) {
      if ("Secret".equals(doc.kind())) {
        checks.add(
            () -> {
              assertFalse(doc.node().has("data"), doc + " carries data");
              assertFalse(doc.node().has("stringData"), doc + " carries stringData");
            });
      }
    }
    assertAll(checks);
  }

  @Test
  void noEnvironmentVariableWithASecretLookingNameHasALiteralValue() {
    List<Executable> checks = new ArrayList<>();
    int secretLooking = 0;
    for (Path file : yamlFilesUnder(K8S)) {
      for (JsonNode document : documents(file)) {
        for (JsonNode envList : document.findValues("env")) {
          for (JsonNode variable : envList) {
            String name = variable.path("name").asText();
            if (!looksSecret(name)) {
              continue;
            }
            secretLooking++;
            checks.add(
                () -> {
                  assertFalse(variable.has("value"), file + ": " + name + " has a literal value");
                  assertTrue(
                      variable.at("/valueFrom/secretKeyRef").isObject(),
                      file + ": " + name + " is not read from a Secret");
                });
          }
        }
        if ("ConfigMap".equals(document.path("kind").asText())) {
          document
              .path("data")
              .fieldNames()
              .forEachRemaining(
                  key ->
                      checks.add(
                          () ->
                              assertFalse(
                                  looksSecret(key),
                                  file + ": ConfigMap key " + key + " is secret")));
        }
      }
    }
    assertTrue(
        secretLooking >= SERVICES.size(),
        "every service reads at least its database password: " + secretLooking);
    assertAll(checks);
  }

  // ---------------------------------------------------------------------------------------------
  // Kafka and PostgreSQL

  @Test
  void everyContractTopicHasAKafkaTopicWithThreeReplicas() {
    Map<String, JsonNode> topics = new HashMap<>();
    for (Doc doc : ofKind(baseResources(), "KafkaTopic")) {
      assertEquals("kafka.strimzi.io/v1beta2", doc.node().path("apiVersion").asText(), "" + doc);
      String name = doc.node().at("/spec/topicName").asText(doc.name());
      topics.put(name, doc.node());
    }
    assertEquals(
        new TreeSet<>(CONTRACT_TOPICS_COMPACTED.keySet()),
        new TreeSet<>(topics.keySet()),
        "KafkaTopics");

    List<Executable> checks = new ArrayList<>();
    CONTRACT_TOPICS_COMPACTED.forEach(
        (name, compacted) -> {
          JsonNode topic = topics.get(name);
          checks.add(
              () -> {
                assertEquals("rma", text(topic.at("/metadata/labels"), "strimzi.io/cluster"), name);
                assertEquals(3, topic.at("/spec/replicas").asInt(), name + " replicas");
                assertTrue(topic.at("/spec/partitions").asInt() >= 3, name + " partitions");
                assertEquals(
                    2, topic.at("/spec/config").path("min.insync.replicas").asInt(), name + " ISR");
                assertEquals(
                    compacted,
                    "compact".equals(topic.at("/spec/config").path("cleanup.policy").asText()),
                    name + " compaction");
              });
        });
    assertAll(checks);
  }

  @Test
  void everyServiceDatabaseIsACloudNativePgClusterWhoseSecretTheServiceReads() {
    Map<String, JsonNode> clusters = byName(baseResources(), "Cluster");
    assertEquals(SERVICES.size(), clusters.size(), "one PostgreSQL cluster per service");

    Map<String, JsonNode> deployments = byName(baseResources(), "Deployment");
    List<Executable> checks = new ArrayList<>();
    for (String service : SERVICES) {
      JsonNode cluster = clusters.get(service + "-db");
      checks.add(
          () -> {
            assertNotNull(cluster, "no Cluster " + service + "-db");
            assertEquals("postgresql.cnpg.io/v1", cluster.path("apiVersion").asText());
            assertEquals(
                service.replace('-', '_'), cluster.at("/spec/bootstrap/initdb/database").asText());
            JsonNode password =
                env(onlyContainer(deployments.get(service))).get("QUARKUS_DATASOURCE_PASSWORD");
            assertEquals(
                service + "-db-app",
                password.at("/valueFrom/secretKeyRef/name").asText(),
                service + " reads the credentials CloudNativePG made for its own cluster");
          });
    }
    assertAll(checks);
  }

  // ---------------------------------------------------------------------------------------------
  // overlays

  @Test
  void everyOverlayPatchTargetsAResourceOfTheBase() {
    List<Doc> base = baseResources();
    List<Executable> checks = new ArrayList<>();
    int patches = 0;
    for (String overlay : List.of("dev", "production")) {
      Path dir = OVERLAYS.resolve(overlay);
      JsonNode kustomization = single(dir.resolve("kustomization.yaml"));
      for (JsonNode patch : kustomization.path("patches")) {
        patches++;
        Path file = dir.resolve(patch.path("path").asText());
        checks.add(
            () -> {
              List<Doc> matched = patchTargets(patch, file, base);
              assertFalse(matched.isEmpty(), overlay + ": " + patch + " patches nothing");
            });
      }
      for (JsonNode replicas : kustomization.path("replicas")) {
        String name = replicas.path("name").asText();
        checks.add(
            () ->
                assertTrue(
                    byName(base, "Deployment").containsKey(name),
                    overlay + ": replicas for unknown Deployment " + name));
      }
    }
    assertTrue(patches >= 8, "patches in the overlays: " + patches);
    assertAll(checks);
  }

  @Test
  void theProductionOverlayPatchesEveryDeploymentAndScalesWhatExists() {
    Path dir = OVERLAYS.resolve("production");
    JsonNode kustomization = single(dir.resolve("kustomization.yaml"));
    Map<String, JsonNode> deployments = byName(baseResources(), "Deployment");

    Set<String> patchedDeployments = new TreeSet<>();
    int clusterPatches = 0;
    for (JsonNode patch : kustomization.path("patches")) {
      Path file = dir.resolve(patch.path("path").asText());
      for (Doc target : patchTargets(patch, file, baseResources())) {
        if ("Deployment".equals(target.kind())) {
          patchedDeployments.add(target.name());
        }
      }
      if ("Cluster".equals(patch.at("/target/kind").asText())) {
        clusterPatches++;
        assertTrue(
            replacesWith(file, "/spec/instances", 3), "production databases have 3 instances");
      }
    }
    assertEquals(new TreeSet<>(SERVICES), patchedDeployments, "Deployments patched");
    assertEquals(1, clusterPatches, "one patch for the database clusters");

    List<Doc> resources = new ArrayList<>();
    for (JsonNode resource : kustomization.path("resources")) {
      Path path = dir.resolve(resource.asText());
      if (Files.isRegularFile(path)) {
        resources.addAll(docs(path));
      }
    }
    Map<String, JsonNode> autoscalers = byName(resources, "HorizontalPodAutoscaler");
    Map<String, JsonNode> budgets = byName(resources, "PodDisruptionBudget");
    assertEquals(Set.of("rma-intake", "rma-dispatch"), autoscalers.keySet(), "autoscalers");
    assertEquals(new TreeSet<>(SERVICES), new TreeSet<>(budgets.keySet()), "disruption budgets");

    List<Executable> checks = new ArrayList<>();
    autoscalers.forEach(
        (name, hpa) ->
            checks.add(
                () -> {
                  JsonNode ref = hpa.at("/spec/scaleTargetRef");
                  assertEquals("Deployment", ref.path("kind").asText(), name);
                  assertTrue(deployments.containsKey(ref.path("name").asText()), name);
                  assertEquals("rma", hpa.at("/metadata/namespace").asText(), name);
                  assertEquals("cpu", hpa.at("/spec/metrics/0/resource/name").asText(), name);
                }));
    budgets.forEach(
        (name, pdb) ->
            checks.add(
                () -> {
                  assertEquals(1, pdb.at("/spec/minAvailable").asInt(), name);
                  assertEquals("rma", pdb.at("/metadata/namespace").asText(), name);
                  assertTrue(
                      selects(
                          pdb.at("/spec/selector/matchLabels"),
                          deployments.get(name).at("/spec/template/metadata/labels")),
                      name + ": the budget selects the service's pods");
                }));
    assertAll(checks);
  }

  // ---------------------------------------------------------------------------------------------
  // Compose

  @Test
  void theComposeFileRunsTheFourServicesWithKafkaPostgresAndTheTopics() {
    JsonNode services = single(COMPOSE_FILE).path("services");
    Set<String> names = new TreeSet<>();
    services.fieldNames().forEachRemaining(names::add);
    assertTrue(names.containsAll(SERVICES), "services: " + names);
    assertTrue(names.containsAll(List.of("kafka", "postgres")), "services: " + names);
    assertTrue(services.at("/kafka/image").asText().startsWith("apache/kafka:4.1."), "kafka image");
    assertEquals(
        "broker,controller",
        environment(services.path("kafka")).get("KAFKA_PROCESS_ROLES"),
        "KRaft, no ZooKeeper");

    String topicCreator =
        names.stream()
            .filter(name -> services.path(name).toString().contains("kafka-topics.sh"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no service creates the topics"));
    String script = commandText(services.path(topicCreator));

    Map<String, JsonNode> deployments = byName(baseResources(), "Deployment");
    List<Executable> checks = new ArrayList<>();
    CONTRACT_TOPICS_COMPACTED
        .keySet()
        .forEach(
            topic ->
                checks.add(
                    () ->
                        assertTrue(
                            Pattern.compile("(^|\\s)" + Pattern.quote(topic) + "(\\s|$)")
                                .matcher(script)
                                .find(),
                            topicCreator + " does not create " + topic)));
    for (String name : SERVICES) {
      JsonNode service = services.path(name);
      Map<String, String> environment = environment(service);
      checks.add(
          () -> {
            assertEquals("rma/" + name + ":1.0.0", service.path("image").asText(), name);
            assertTrue(service.has("healthcheck"), name + " has no healthcheck");
            assertEquals(
                "service_healthy", service.at("/depends_on/postgres/condition").asText(), name);
            assertEquals(
                "service_completed_successfully",
                service.path("depends_on").path(topicCreator).path("condition").asText(),
                name + " waits for the topics");
            Set<String> kubernetesNames =
                new TreeSet<>(env(onlyContainer(deployments.get(name))).keySet());
            kubernetesNames.removeIf(variable -> variable.startsWith("DB_"));
            // Compose runs a plain local broker: the cluster's TLS + SCRAM client settings
            // (KafkaAccessManifestsTest) have no counterpart there
            kubernetesNames.removeIf(
                variable ->
                    variable.startsWith("KAFKA_SASL_")
                        || variable.startsWith("KAFKA_SSL_")
                        || variable.equals("KAFKA_SECURITY_PROTOCOL"));
            // Compose gives intake a service token file (RMA_SERVICE_IDENTITY=configured); the
            // cluster's client-credentials client has no counterpart there
            kubernetesNames.removeIf(
                variable ->
                    variable.startsWith("QUARKUS_OIDC_CLIENT_")
                        || variable.equals("RMA_OIDC_CLIENT_ENABLED"));
            assertTrue(
                environment.keySet().containsAll(kubernetesNames),
                name
                    + ": compose sets "
                    + environment.keySet()
                    + ", Kubernetes "
                    + kubernetesNames);
          });
    }
    assertAll(checks);
  }

  @Test
  void theComposeFileHoldsNoPasswordButReadsItFromTheUsersEnvFile() {
    JsonNode services = single(COMPOSE_FILE).path("services");
    List<Executable> checks = new ArrayList<>();
    int secretLooking = 0;
    for (Map.Entry<String, JsonNode> service : fields(services)) {
      for (Map.Entry<String, String> variable : environment(service.getValue()).entrySet()) {
        if (!looksSecret(variable.getKey())) {
          continue;
        }
        secretLooking++;
        String where = service.getKey() + "." + variable.getKey();
        checks.add(
            () ->
                assertTrue(
                    REQUIRED_INTERPOLATION.matcher(variable.getValue()).matches(),
                    where + " must be ${NAME:?...} from .env, is " + variable.getValue()));
      }
    }
    assertTrue(
        secretLooking >= SERVICES.size() + 1,
        "postgres and every service take a password: " + secretLooking);
    assertAll(checks);
  }

  // ---------------------------------------------------------------------------------------------
  // reading

  private record Doc(Path file, JsonNode node) {
    String kind() {
      return node.path("kind").asText();
    }

    String name() {
      return node.at("/metadata/name").asText();
    }

    @Override
    public String toString() {
      return kind() + "/" + name() + " in " + file;
    }
  }

  private static List<Path> yamlFilesUnder(Path root) {
    assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " is not a folder");
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a (multi-document) YAML file; a file that does not parse fails here. */
  private static List<JsonNode> documents(Path file) {
    try (var parser = YAML.getFactory().createParser(file.toFile())) {
      return YAML.readValues(parser, JsonNode.class).readAll().stream()
          .filter(node -> node != null && !node.isMissingNode() && !node.isNull())
          .toList();
    } catch (IOException e) {
      return fail(file + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  private static JsonNode single(Path file) {
    List<JsonNode> documents = documents(file);
    assertEquals(1, documents.size(), file + " should hold one document");
    return documents.get(0);
  }

  private static List<Doc> docs(Path file) {
    return documents(file).stream().map(node -> new Doc(file, node)).toList();
  }

  /** What the base deploys: every document under base/ except the kustomization files. */
  private static List<Doc> baseResources() {
    return yamlFilesUnder(BASE).stream()
        .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
        .flatMap(file -> docs(file).stream())
        .toList();
  }

  private static List<Doc> ofKind(List<Doc> docs, String kind) {
    return docs.stream().filter(doc -> kind.equals(doc.kind())).toList();
  }

  private static Map<String, JsonNode> byName(List<Doc> docs, String kind) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (Doc doc : ofKind(docs, kind)) {
      assertTrue(byName.put(doc.name(), doc.node()) == null, "two " + kind + "s " + doc.name());
    }
    return byName;
  }

  private static JsonNode rmaConfig() {
    JsonNode config = byName(baseResources(), "ConfigMap").get("rma-config");
    assertNotNull(config, "no ConfigMap rma-config in the base");
    return config.path("data");
  }

  private static JsonNode onlyContainer(JsonNode deployment) {
    JsonNode containers = deployment.at("/spec/template/spec/containers");
    assertEquals(1, containers.size(), "containers of " + deployment.at("/metadata/name"));
    return containers.get(0);
  }

  private static List<JsonNode> baseContainers() {
    List<JsonNode> containers = new ArrayList<>();
    for (Doc deployment : ofKind(baseResources(), "Deployment")) {
      deployment.node().at("/spec/template/spec/containers").forEach(containers::add);
    }
    return containers;
  }

  private static Map<String, JsonNode> env(JsonNode container) {
    Map<String, JsonNode> env = new LinkedHashMap<>();
    container.path("env").forEach(variable -> env.put(variable.path("name").asText(), variable));
    return env;
  }

  /** A Compose service's environment, written as a map or as a list of NAME=value. */
  private static Map<String, String> environment(JsonNode service) {
    Map<String, String> environment = new LinkedHashMap<>();
    JsonNode node = service.path("environment");
    if (node.isObject()) {
      fields(node).forEach(field -> environment.put(field.getKey(), field.getValue().asText()));
    } else {
      for (JsonNode entry : node) {
        String[] pair = entry.asText().split("=", 2);
        environment.put(pair[0], pair.length > 1 ? pair[1] : "");
      }
    }
    return environment;
  }

  /** A Compose service's command, written as one string or as a list of arguments. */
  private static String commandText(JsonNode service) {
    JsonNode command = service.path("command");
    if (!command.isArray()) {
      return command.asText();
    }
    List<String> parts = new ArrayList<>();
    command.forEach(part -> parts.add(part.asText()));
    return String.join(" ", parts);
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
    fields.addAll(node.properties());
    return fields;
  }

  private static boolean looksSecret(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    // a location or a file names where the secret is, not the secret
    return SECRET_LOOKING_NAME.matcher(upper).find()
        && !upper.endsWith("_LOCATION")
        && !upper.endsWith("_FILE");
  }

  private static String text(JsonNode labels, String key) {
    return labels.path(key).asText();
  }

  private static boolean selects(JsonNode matchLabels, JsonNode labels) {
    if (!matchLabels.isObject() || matchLabels.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> label : fields(matchLabels)) {
      if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  private static boolean declaresPort(JsonNode container, JsonNode port) {
    for (JsonNode declared : container.path("ports")) {
      if (port.isInt() && declared.path("containerPort").asInt() == port.asInt()) {
        return true;
      }
      if (port.isTextual() && port.asText().equals(declared.path("name").asText())) {
        return true;
      }
    }
    return false;
  }

  private static String volumeMountedAt(JsonNode container, String path) {
    for (JsonNode mount : container.path("volumeMounts")) {
      if (path.equals(mount.path("mountPath").asText())) {
        return mount.path("name").asText();
      }
    }
    return null;
  }

  private static JsonNode volumeNamed(JsonNode pod, String name) {
    for (JsonNode volume : pod.path("volumes")) {
      if (name.equals(volume.path("name").asText())) {
        return volume;
      }
    }
    return YAML.createObjectNode();
  }

  /** The paths a kustomization names: resources, components, patches and generator files. */
  private static List<String> referencedPaths(JsonNode kustomization) {
    List<String> paths = new ArrayList<>();
    BiConsumer<String, JsonNode> plain =
        (field, node) -> node.path(field).forEach(entry -> paths.add(entry.asText()));
    plain.accept("resources", kustomization);
    plain.accept("components", kustomization);
    plain.accept("bases", kustomization);
    plain.accept("patchesStrategicMerge", kustomization);
    for (String field : List.of("patches", "patchesJson6902")) {
      for (JsonNode patch : kustomization.path(field)) {
        if (patch.has("path")) {
          paths.add(patch.path("path").asText());
        }
      }
    }
    for (String field : List.of("configMapGenerator", "secretGenerator")) {
      for (JsonNode generator : kustomization.path(field)) {
        for (String list : List.of("files", "envs")) {
          generator
              .path(list)
              .forEach(
                  entry -> {
                    String text = entry.asText();
                    paths.add(text.contains("=") ? text.substring(text.indexOf('=') + 1) : text);
                  });
        }
      }
    }
    paths.removeIf(path -> path.contains("://") || path.startsWith("github.com/"));
    return paths;
  }

  /**
   * The base resources a patch applies to: those its target selects (kind, name, label selector),
   * or, without a target, the resource named by the patch file itself.
   */
  private static List<Doc> patchTargets(JsonNode patch, Path file, List<Doc> base) {
    JsonNode target = patch.path("target");
    if (target.isMissingNode()) {
      JsonNode body = single(file);
      return base.stream()
          .filter(doc -> doc.kind().equals(body.path("kind").asText()))
          .filter(doc -> doc.name().equals(body.at("/metadata/name").asText()))
          .toList();
    }
    Map<String, String> labelSelector = new HashMap<>();
    for (String term : target.path("labelSelector").asText("").split(",")) {
      if (!term.isBlank()) {
        String[] pair = term.split("=", 2);
        labelSelector.put(pair[0].trim(), pair[1].trim());
      }
    }
    assertTrue(Files.isRegularFile(file), file + " is missing");
    return base.stream()
        .filter(doc -> !target.has("kind") || doc.kind().equals(target.path("kind").asText()))
        .filter(doc -> !target.has("name") || doc.name().equals(target.path("name").asText()))
        .filter(
            doc ->
                labelSelector.entrySet().stream()
                    .allMatch(
                        label ->
                            label
                                .getValue()
                                .equals(
                                    doc.node()
                                        .at("/metadata/labels")
                                        .path(label.getKey())
                                        .asText(null))))
        .toList();
  }

  private static boolean replacesWith(Path jsonPatch, String path, int value) {
    for (JsonNode operation : single(jsonPatch)) {
      if (path.equals(operation.path("path").asText())
          && operation.path("value").asInt() == value) {
        return true;
      }
    }
    return false;
  }
}
