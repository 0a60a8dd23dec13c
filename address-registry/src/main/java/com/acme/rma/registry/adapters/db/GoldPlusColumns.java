package com.acme.rma.registry.adapters.db;

import com.acme.rma.registry.domain.GoldPlus;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** A Gold Plus decision in columns (the entity names them with a prefix). */
@Embeddable
public class GoldPlusColumns {

  public Boolean eligible;
  public String serviceCenterId;
  public Double distanceMiles;
  public String reason;
  public Instant effectiveFrom;

  static GoldPlusColumns of(GoldPlus decision) {
    GoldPlusColumns columns = new GoldPlusColumns();
    columns.eligible = decision.eligible();
    if (decision instanceof GoldPlus.Eligible e) {
      columns.serviceCenterId = e.serviceCenterId();
      columns.distanceMiles = e.distanceMiles();
    } else {
      GoldPlus.NotEligible n = (GoldPlus.NotEligible) decision;
      columns.reason = n.reason().name();
      columns.effectiveFrom = n.effectiveFrom();
    }
    return columns;
  }

  GoldPlus toDomain() {
    if (Boolean.TRUE.equals(eligible)) {
      return new GoldPlus.Eligible(serviceCenterId, distanceMiles);
    }
    return new GoldPlus.NotEligible(GoldPlus.Reason.valueOf(reason), effectiveFrom);
  }
}
