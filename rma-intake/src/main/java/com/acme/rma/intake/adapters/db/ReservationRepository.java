package com.acme.rma.intake.adapters.db;

import com.acme.rma.intake.application.ReservationStore;
import com.acme.rma.intake.domain.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reserved RMA numbers in plain SQL (table {@code rma_reservation}). */
@ApplicationScoped
class ReservationRepository implements ReservationStore {

  private static final String COLUMNS =
      "rma_number, partner_id, idem_key, request_hash, serial_number, status, reserved_at,"
          + " settled_at";

  private final EntityManager em;

  ReservationRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Reservation> findLive(String partnerId, String idempotencyKey) {
    return first(
        em.createNativeQuery(
                "select "
                    + COLUMNS
                    + " from rma_reservation where partner_id = :partner and idem_key = :key"
                    + " and status <> 'ABANDONED'")
            .setParameter("partner", partnerId)
            .setParameter("key", idempotencyKey));
  }

  @Override
  public Optional<Reservation> find(String rmaNumber) {
    return first(
        em.createNativeQuery("select " + COLUMNS + " from rma_reservation where rma_number = :n")
            .setParameter("n", rmaNumber));
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean insert(Reservation r) {
    return em.createNativeQuery(
                "insert into rma_reservation ("
                    + COLUMNS
                    + ") values (:n, :partner, :key, :hash, :serial, :status, :at, null)"
                    + " on conflict (partner_id, idem_key) where status <> 'ABANDONED'"
                    + " do nothing")
            .setParameter("n", r.rmaNumber())
            .setParameter("partner", r.partnerId())
            .setParameter("key", r.idempotencyKey())
            .setParameter("hash", r.requestHash())
            .setParameter("serial", r.serialNumber())
            .setParameter("status", r.status().name())
            .setParameter("at", r.reservedAt())
            .executeUpdate()
        == 1;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Reservation> findForUpdate(String rmaNumber) {
    return first(
        em.createNativeQuery(
                "select " + COLUMNS + " from rma_reservation where rma_number = :n for update")
            .setParameter("n", rmaNumber));
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void update(Reservation r) {
    int updated =
        em.createNativeQuery(
                "update rma_reservation set status = :status, settled_at = :settled"
                    + " where rma_number = :n")
            .setParameter("status", r.status().name())
            .setParameter("settled", r.settledAt())
            .setParameter("n", r.rmaNumber())
            .executeUpdate();
    if (updated != 1) {
      throw new IllegalStateException("no reservation " + r.rmaNumber() + " to update");
    }
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public void deletePending(String rmaNumber) {
    em.createNativeQuery("delete from rma_reservation where rma_number = :n and status = 'PENDING'")
        .setParameter("n", rmaNumber)
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Reservation> claimPendingSince(Instant cutoff) {
    return first(
        em.createNativeQuery(
                "select "
                    + COLUMNS
                    + " from rma_reservation where status = 'PENDING' and reserved_at <= :cutoff"
                    + " order by reserved_at, rma_number limit 1 for update skip locked")
            .setParameter("cutoff", cutoff));
  }

  private static Optional<Reservation> first(Query query) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream().findFirst().map(ReservationRepository::toDomain);
  }

  private static Reservation toDomain(Object[] row) {
    return new Reservation(
        (String) row[0],
        (String) row[1],
        (String) row[2],
        ((String) row[3]).trim(),
        (String) row[4],
        Reservation.Status.valueOf((String) row[5]),
        instant(row[6]),
        instant(row[7]));
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
