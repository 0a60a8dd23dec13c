package com.acme.rma.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The observability files (deploy/k8s/components/observability): the alert rules, their promtool
 * tests, the generated PrometheusRule and the Grafana dashboard, and the metric names they use.
 */
final class Observability {

  static final Path DIR = Path.of("..", "k8s", "components", "observability");
  static final Path RULES = DIR.resolve("rma.rules.yml");
  static final Path RULE_TESTS = DIR.resolve("rma.rules.test.yml");
  static final Path PROMETHEUS_RULE = DIR.resolve("prometheus-rule.yaml");
  static final Path DASHBOARD = DIR.resolve("rma-dashboard.json");
  static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  // series Prometheus makes itself: not served by any service
  private static final Set<String> PROMETHEUS_OWN = Set.of("up");
  private static final Set<String> PROMQL_WORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset",
          "le",
          "inf",
          "nan");
  private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");

  private Observability() {}

  /** Every PromQL expression of the rules and the dashboard. */
  static List<String> expressions() {
    List<String> exprs = new ArrayList<>();
    try {
      for (JsonNode group : YAML.readTree(RULES.toFile()).path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          exprs.add(rule.path("expr").asText());
        }
      }
      collectTargets(JSON.readTree(DASHBOARD.toFile()).path("panels"), exprs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return exprs;
  }

  private static void collectTargets(JsonNode panels, List<String> exprs) {
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        exprs.add(target.path("expr").asText());
      }
      collectTargets(panel.path("panels"), exprs);
    }
  }

  /**
   * The metric names an expression reads: identifiers that are not functions (followed by "("), not
   * keywords, not label names (inside braces or a grouping) and not a number or a duration.
   */
  static Set<String> metricNames(String expr) {
    String bare = STRING.matcher(expr).replaceAll(" ");
    bare = LABELS.matcher(bare).replaceAll(" ");
    bare = GROUPING.matcher(bare).replaceAll(" ");
    bare = RANGE.matcher(bare).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      String token = m.group();
      if (token.endsWith("(") || PROMQL_WORDS.contains(token.toLowerCase())) {
        continue;
      }
      names.add(token);
    }
    names.removeAll(PROMETHEUS_OWN);
    return names;
  }

  /** Debian's promtool; installed with apt-get when missing and the build runs as root. */
  static synchronized Path promtool() {
    if (Files.isExecutable(PROMTOOL)) {
      return PROMTOOL;
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new IllegalStateException(
          "the alert rule tests need promtool from Debian's prometheus package: "
              + "apt-get install -y --no-install-recommends prometheus");
    }
    run(List.of("apt-get", "update", "-qq"));
    run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "prometheus"));
    if (!Files.isExecutable(PROMTOOL)) {
      throw new IllegalStateException("promtool is still missing after apt-get");
    }
    return PROMTOOL;
  }

  /** Runs a command; returns its exit code and output. */
  static Result run(List<String> command, Path workDir) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.directory(workDir.toFile());
      builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(15, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    }
  }

  private static void run(List<String> command) {
    Result result = run(command, Path.of("."));
    if (result.exitCode() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + result.output());
    }
  }

  record Result(int exitCode, String output) {}
}
