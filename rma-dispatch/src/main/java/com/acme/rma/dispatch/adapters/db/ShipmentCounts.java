package com.acme.rma.dispatch.adapters.db;

import com.acme.rma.dispatch.domain.ServiceLevel;
import com.acme.rma.dispatch.domain.ShipmentStatus;
import com.acme.rma.platform.observe.CountedStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code rma_shipments{status, level}}: shipments in each status, by service level. */
@ApplicationScoped
public class ShipmentCounts implements CountedStates {

  private final EntityManager em;

  public ShipmentCounts(EntityManager em) {
    this.em = em;
  }

  @Override
  public String name() {
    return "rma.shipments";
  }

  @Override
  public String description() {
    return "shipments in each status, by service level";
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Row> count() {
    Map<String, Long> found = new HashMap<>();
    List<Object[]> rows =
        em.createNativeQuery(
                "select status, service_level, count(*) from shipment group by status, service_level")
            .getResultList();
    for (Object[] row : rows) {
      found.put(row[0] + "/" + row[1], ((Number) row[2]).longValue());
    }
    List<Row> counts = new ArrayList<>();
    for (ShipmentStatus status : ShipmentStatus.values()) {
      for (ServiceLevel level : ServiceLevel.values()) {
        counts.add(
            new Row(
                Map.of("status", status.name(), "level", level.name()),
                found.getOrDefault(status.name() + "/" + level.name(), 0L)));
      }
    }
    return counts;
  }
}
