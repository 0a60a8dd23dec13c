package com.acme.rma.registry.adapters.db;

import com.acme.rma.registry.application.ForceReleases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The force-release audit trail in PostgreSQL (append only). */
@ApplicationScoped
public class ForceReleaseRepository implements ForceReleases {

  private final EntityManager em;

  public ForceReleaseRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(Record record) {
    em.createNativeQuery(
            "insert into lock_force_release"
                + " (serial_number, rma_number, released_by, released_at, reason)"
                + " values (:serial, :rma, :by, :at, :reason)")
        .setParameter("serial", record.serialNumber())
        .setParameter("rma", record.rmaNumber())
        .setParameter("by", record.releasedBy())
        .setParameter("at", record.releasedAt())
        .setParameter("reason", record.reason())
        .executeUpdate();
  }

  @Override
  public List<Record> ofSite(String serialNumber, int offset, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select serial_number, rma_number, released_by, released_at, reason"
                    + " from lock_force_release where serial_number = :serial"
                    + " order by released_at desc, id desc offset :offset limit :limit")
            .setParameter("serial", serialNumber)
            .setParameter("offset", offset)
            .setParameter("limit", limit)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Record(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    instant(row[3]),
                    (String) row[4]))
        .toList();
  }

  @Override
  public long countOfSite(String serialNumber) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from lock_force_release where serial_number = :serial")
                .setParameter("serial", serialNumber)
                .getSingleResult())
        .longValue();
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }
}
