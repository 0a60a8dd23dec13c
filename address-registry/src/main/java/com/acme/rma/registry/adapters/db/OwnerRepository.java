package com.acme.rma.registry.adapters.db;

import com.acme.rma.registry.application.Owners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Appliance owners in PostgreSQL, written by one upsert so redeliveries and races are harmless. */
@ApplicationScoped
public class OwnerRepository implements Owners {

  private final EntityManager em;

  public OwnerRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<String> ownerOf(String serialNumber) {
    @SuppressWarnings("unchecked")
    List<String> owners =
        em.createNativeQuery("select partner_id from appliance_owner where serial_number = :serial")
            .setParameter("serial", serialNumber)
            .getResultList();
    return owners.stream().findFirst();
  }

  @Override
  public boolean record(String serialNumber, String partnerId, Instant changedAt) {
    Optional<String> before = ownerOf(serialNumber);
    int written =
        em.createNativeQuery(
                "insert into appliance_owner (serial_number, partner_id, changed_at)"
                    + " values (:serial, :partner, :at)"
                    + " on conflict (serial_number) do update"
                    + " set partner_id = excluded.partner_id, changed_at = excluded.changed_at"
                    + " where appliance_owner.changed_at <= excluded.changed_at")
            .setParameter("serial", serialNumber)
            .setParameter("partner", partnerId)
            .setParameter("at", changedAt)
            .executeUpdate();
    return written == 1 && !before.equals(Optional.of(partnerId));
  }
}
