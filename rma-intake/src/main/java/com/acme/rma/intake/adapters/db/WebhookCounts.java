package com.acme.rma.intake.adapters.db;

import com.acme.rma.intake.domain.webhook.WebhookEndpoint;
import com.acme.rma.platform.observe.CountedStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook gauges, read by the kit's {@code CountedStatesGauges} in the background: {@code
 * rma_webhook_endpoints{state}} (ACTIVE, PAUSED) and {@code rma_webhook_deliveries_pending}
 * (deliveries waiting to be sent, a paused endpoint's included).
 */
@ApplicationScoped
public class WebhookCounts {

  private final EntityManager em;

  public WebhookCounts(EntityManager em) {
    this.em = em;
  }

  @Produces
  @ApplicationScoped
  CountedStates endpoints() {
    return new Gauges(
        "rma.webhook.endpoints",
        "webhook endpoints in each state (PAUSED: failing, waiting for their partner)") {
      @Override
      @SuppressWarnings("unchecked")
      public List<Row> count() {
        Map<String, Long> found = new HashMap<>();
        List<Object[]> rows =
            em.createNativeQuery("select state, count(*) from webhook_endpoint group by state")
                .getResultList();
        for (Object[] row : rows) {
          found.put((String) row[0], ((Number) row[1]).longValue());
        }
        List<Row> counts = new ArrayList<>();
        for (WebhookEndpoint.State state : WebhookEndpoint.State.values()) {
          counts.add(new Row(Map.of("state", state.name()), found.getOrDefault(state.name(), 0L)));
        }
        return counts;
      }
    };
  }

  @Produces
  @ApplicationScoped
  CountedStates pendingDeliveries() {
    return new Gauges(
        "rma.webhook.deliveries.pending", "webhook deliveries waiting to be sent or retried") {
      @Override
      public List<Row> count() {
        Number pending =
            (Number)
                em.createNativeQuery(
                        "select count(*) from webhook_delivery where status = 'PENDING'")
                    .getSingleResult();
        return List.of(new Row(Map.of(), pending.longValue()));
      }
    };
  }

  private abstract static class Gauges implements CountedStates {
    private final String name;
    private final String description;

    Gauges(String name, String description) {
      this.name = name;
      this.description = description;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String description() {
      return description;
    }
  }
}
