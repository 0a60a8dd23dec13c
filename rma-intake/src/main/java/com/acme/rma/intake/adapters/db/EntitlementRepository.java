package com.acme.rma.intake.adapters.db;

import com.acme.rma.intake.application.EntitlementStore;
import com.acme.rma.intake.domain.Entitlement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
class EntitlementRepository implements EntitlementStore {

  @Override
  public Optional<Stored> find(String serialNumber) {
    return EntitlementEntity.<EntitlementEntity>findByIdOptional(serialNumber)
        .map(e -> new Stored(e.toDomain(), e.createdAt, e.updatedAt));
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public Stored save(Entitlement entitlement, Instant at) {
    EntitlementEntity entity =
        EntitlementEntity.findById(entitlement.serialNumber(), LockModeType.PESSIMISTIC_WRITE);
    if (entity == null) {
      entity = new EntitlementEntity();
      entity.createdAt = at;
      entity.copyFrom(entitlement);
      entity.updatedAt = at;
      entity.persist();
    } else {
      entity.copyFrom(entitlement);
      entity.updatedAt = at;
    }
    return new Stored(entity.toDomain(), entity.createdAt, entity.updatedAt);
  }
}
