package com.acme.rma.intake.adapters.db;

import com.acme.rma.intake.application.RmaStore;
import com.acme.rma.intake.domain.Rma;
import com.acme.rma.intake.domain.RmaStatus;
import com.acme.rma.platform.rest.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
class RmaRepository implements RmaStore {

  private static final String ONE_OPEN_PER_APPLIANCE = "rma_one_open_per_appliance";
  private static final List<RmaStatus> OPEN =
      List.of(RmaStatus.QUEUED, RmaStatus.AUTHORIZED, RmaStatus.SHIPPED, RmaStatus.DELIVERED);

  private final EntityManager em;

  RmaRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Rma> find(String rmaNumber) {
    return RmaEntity.<RmaEntity>findByIdOptional(rmaNumber).map(RmaEntity::toDomain);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Rma> findForUpdate(String rmaNumber) {
    return RmaEntity.<RmaEntity>findByIdOptional(rmaNumber, LockModeType.PESSIMISTIC_WRITE)
        .map(RmaEntity::toDomain);
  }

  @Override
  public Optional<Rma> findOpen(String serialNumber) {
    return RmaEntity.<RmaEntity>find("serialNumber = ?1 and status in ?2", serialNumber, OPEN)
        .firstResultOptional()
        .map(RmaEntity::toDomain);
  }

  @Override
  public long nextSequence() {
    return ((Number) em.createNativeQuery("select nextval('rma_number_seq')").getSingleResult())
        .longValue();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void insert(Rma rma) {
    try {
      RmaEntity.from(rma).persist();
      em.flush();
    } catch (PersistenceException e) {
      if (violates(e, ONE_OPEN_PER_APPLIANCE)) {
        throw new OpenRmaExistsException(e);
      }
      throw e;
    }
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void update(Rma rma) {
    RmaEntity entity = RmaEntity.findById(rma.rmaNumber());
    if (entity == null) {
      throw new IllegalStateException("no RMA " + rma.rmaNumber() + " to update");
    }
    entity.copyFrom(rma);
  }

  @Override
  public Page<Rma> list(Filter filter, Page.Request page) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (filter.partnerId() != null) {
      conditions.add("partnerId = :partnerId");
      parameters.put("partnerId", filter.partnerId());
    }
    if (filter.status() != null) {
      conditions.add("status = :status");
      parameters.put("status", filter.status());
    }
    if (filter.serialNumber() != null) {
      conditions.add("serialNumber = :serialNumber");
      parameters.put("serialNumber", filter.serialNumber());
    }
    Sort newestFirst = Sort.descending("requestedAt", "rmaNumber");
    PanacheQuery<RmaEntity> query =
        conditions.isEmpty()
            ? RmaEntity.findAll(newestFirst)
            : RmaEntity.find(String.join(" and ", conditions), newestFirst, parameters);
    long total = query.count();
    long offset = (long) page.page() * page.size();
    List<Rma> items =
        offset >= total
            ? List.of()
            : query.range((int) offset, (int) offset + page.size() - 1).list().stream()
                .map(RmaEntity::toDomain)
                .toList();
    return new Page<>(items, page.page(), page.size(), total);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Rma> claimDueQueued(Instant now) {
    @SuppressWarnings("unchecked")
    List<String> due =
        em.createNativeQuery(
                "select rma_number from rma where status = 'QUEUED' and issues_at <= :now"
                    + " order by issues_at, rma_number limit 1 for update skip locked")
            .setParameter("now", now)
            .getResultList();
    return due.stream().findFirst().flatMap(this::find);
  }

  private static boolean violates(Throwable e, String constraint) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.hibernate.exception.ConstraintViolationException violation
          && violation.getConstraintName() != null
          && violation.getConstraintName().contains(constraint)) {
        return true;
      }
      if (t.getMessage() != null && t.getMessage().contains(constraint)) {
        return true;
      }
    }
    return false;
  }
}
