package com.acme.rma.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The alert rules pass promtool's checks and unit tests, and the PrometheusRule of the k8s
 * component holds exactly them. (That every metric they read is served: {@code
 * RmaWorkflowIT#everyMetricTheDashboardAndTheAlertRulesReadIsServed}.)
 */
class AlertRulesTest {

  @Test
  void rulesPassPromtoolCheck() {
    Observability.Result result =
        Observability.run(
            List.of(Observability.promtool().toString(), "check", "rules", "rma.rules.yml"),
            Observability.DIR);
    assertEquals(0, result.exitCode(), result.output());
  }

  @Test
  void rulesPassTheirPromtoolUnitTests() {
    Observability.Result result =
        Observability.run(
            List.of(Observability.promtool().toString(), "test", "rules", "rma.rules.test.yml"),
            Observability.DIR);
    assertEquals(0, result.exitCode(), result.output());
    assertTrue(result.output().contains("SUCCESS"), result.output());
  }

  @Test
  void thePrometheusRuleHoldsExactlyTheRulesFile() throws IOException {
    JsonNode rules = Observability.YAML.readTree(Observability.RULES.toFile());
    JsonNode resource = Observability.YAML.readTree(Observability.PROMETHEUS_RULE.toFile());
    assertEquals("PrometheusRule", resource.path("kind").asText());
    assertEquals(
        rules,
        resource.path("spec"),
        "prometheus-rule.yaml is out of date: run deploy/k8s/components/observability/generate.sh");
  }

  @Test
  void theDashboardAndTheRulesReadMetricsByName() {
    List<String> exprs = Observability.expressions();
    assertTrue(exprs.size() > 20, "expressions: " + exprs.size());
    for (String expr : exprs) {
      Set<String> names = Observability.metricNames(expr);
      assertFalse(names.isEmpty() && !expr.startsWith("up"), "no metric in " + expr);
    }
    assertEquals(
        Set.of("rma_outbox_oldest_age_seconds"),
        Observability.metricNames("max by (job) (rma_outbox_oldest_age_seconds) > 120"));
    assertEquals(
        Set.of("rma_sla_alert_lateness_seconds_bucket"),
        Observability.metricNames(
            "histogram_quantile(0.99, sum by (le) (rate(rma_sla_alert_lateness_seconds_bucket"
                + "{kind=\"BREACHED\"}[15m]))) > 5"));
  }
}
