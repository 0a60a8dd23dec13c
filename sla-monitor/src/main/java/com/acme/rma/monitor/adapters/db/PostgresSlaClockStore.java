package com.acme.rma.monitor.adapters.db;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.monitor.application.SlaClockStore;
import com.acme.rma.monitor.domain.SlaClock;
import com.acme.rma.monitor.domain.SlaEvent;
import com.acme.rma.monitor.domain.SlaState;
import com.acme.rma.platform.observe.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SlaClockStore} on PostgreSQL. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PostgresSlaClockStore implements SlaClockStore {

  // the first key of the two-key advisory locks taken per RMA ("SLA" in ASCII); the kit's outbox
  // relay takes a one-key lock, a separate key space
  private static final int RMA_LOCK_SPACE = 0x534c41;

  private final EntityManager em;

  public PostgresSlaClockStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public void lockRma(String rmaNumber) {
    em.createNativeQuery(
            "select 1 from (select pg_advisory_xact_lock(:space, hashtext(:rma))) as locked")
        .setParameter("space", RMA_LOCK_SPACE)
        .setParameter("rma", rmaNumber)
        // a lock reads no table: no flush of the rows written so far (they stay in one batch)
        .setFlushMode(FlushModeType.COMMIT)
        .getSingleResult();
  }

  @Override
  public Optional<SlaClock> findForUpdate(String rmaNumber) {
    return Optional.ofNullable(
            em.find(SlaClockEntity.class, rmaNumber, LockModeType.PESSIMISTIC_WRITE))
        .map(SlaClockEntity::toDomain);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SlaClock> find(String rmaNumber) {
    return Optional.ofNullable(em.find(SlaClockEntity.class, rmaNumber))
        .map(SlaClockEntity::toDomain);
  }

  @Override
  public void insert(SlaClock clock, Instant now) {
    SlaClockEntity row = new SlaClockEntity();
    row.copy(clock, now);
    row.createdAt = now;
    row.traceparent = Traces.currentTraceparent();
    em.persist(row);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<String> traceparent(String rmaNumber) {
    List<String> found =
        em.createNativeQuery("select traceparent from sla_clock where rma_number = :rma")
            .setParameter("rma", rmaNumber)
            .getResultList();
    return found.stream().filter(java.util.Objects::nonNull).findFirst();
  }

  @Override
  public void update(SlaClock clock, Instant now) {
    SlaClockEntity row = em.find(SlaClockEntity.class, clock.rmaNumber());
    if (row == null) {
      throw new IllegalStateException("no clock " + clock.rmaNumber() + " to update");
    }
    row.copy(clock, now);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<SlaClock> claimDue(Instant now, int limit) {
    List<SlaClockEntity> rows =
        em.createNativeQuery(
                "select * from sla_clock where next_fire_at <= :now"
                    + " order by next_fire_at limit :limit for update skip locked",
                SlaClockEntity.class)
            .setParameter("now", now)
            .setParameter("limit", limit)
            .getResultList();
    return rows.stream().map(SlaClockEntity::toDomain).toList();
  }

  @Override
  public Optional<Instant> nextMoment() {
    return Optional.ofNullable(
        em.createQuery("select min(c.nextFireAt) from SlaClockEntity c", Instant.class)
            .getSingleResult());
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice list(Filter filter, boolean newestDueFirst, int offset, int limit) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (filter.state() != null) {
      where.append(" and c.state = :state");
      params.put("state", filter.state());
    }
    if (filter.serviceLevel() != null) {
      where.append(" and c.serviceLevel = :level");
      params.put("level", filter.serviceLevel());
    }
    String direction = newestDueFirst ? "desc" : "asc";
    TypedQuery<SlaClockEntity> page =
        em.createQuery(
            "from SlaClockEntity c"
                + where
                + " order by c.dueAt "
                + direction
                + ", c.rmaNumber "
                + direction,
            SlaClockEntity.class);
    TypedQuery<Long> count =
        em.createQuery("select count(c) from SlaClockEntity c" + where, Long.class);
    params.forEach(
        (name, value) -> {
          page.setParameter(name, value);
          count.setParameter(name, value);
        });
    List<SlaClock> items =
        page.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
            .map(SlaClockEntity::toDomain)
            .toList();
    return new Slice(items, count.getSingleResult());
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Count> countByStateAndLevel() {
    List<Object[]> rows =
        em.createQuery(
                "select c.state, c.serviceLevel, count(c) from SlaClockEntity c"
                    + " group by c.state, c.serviceLevel",
                Object[].class)
            .getResultList();
    List<Count> counts = new ArrayList<>();
    for (Object[] row : rows) {
      counts.add(new Count((SlaState) row[0], (ServiceLevel) row[1], (Long) row[2]));
    }
    return counts;
  }

  @Override
  public void park(String rmaNumber, SlaEvent event, Instant now) {
    ParkedShipmentEventEntity row = new ParkedShipmentEventEntity();
    row.rmaNumber = rmaNumber;
    row.kind = kindOf(event);
    row.occurredAt = event.at();
    row.parkedAt = now;
    em.persist(row);
  }

  @Override
  public List<SlaEvent> unpark(String rmaNumber) {
    List<ParkedShipmentEventEntity> rows =
        em.createQuery(
                "from ParkedShipmentEventEntity p where p.rmaNumber = :rma"
                    + " order by p.occurredAt, p.seq",
                ParkedShipmentEventEntity.class)
            .setParameter("rma", rmaNumber)
            .getResultList();
    List<SlaEvent> events = rows.stream().map(PostgresSlaClockStore::eventOf).toList();
    rows.forEach(em::remove);
    return events;
  }

  private static String kindOf(SlaEvent event) {
    return event.getClass().getSimpleName();
  }

  private static SlaEvent eventOf(ParkedShipmentEventEntity row) {
    Instant at = row.occurredAt;
    return switch (row.kind) {
      case "Shipped" -> new SlaEvent.Shipped(at);
      case "Delivered" -> new SlaEvent.Delivered(at);
      case "ExportHeld" -> new SlaEvent.ExportHeld(at);
      case "ExportCleared" -> new SlaEvent.ExportCleared(at);
      case "Cancelled" -> new SlaEvent.Cancelled(at);
      case "Closed" -> new SlaEvent.Closed(at);
      default -> throw new IllegalStateException("unknown parked event kind " + row.kind);
    };
  }
}
