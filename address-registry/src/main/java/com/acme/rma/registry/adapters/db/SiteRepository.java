package com.acme.rma.registry.adapters.db;

import com.acme.rma.registry.application.Sites;
import com.acme.rma.registry.application.StoredSite;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

/** Sites in PostgreSQL; "for change" means under the row lock ({@code select ... for update}). */
@ApplicationScoped
public class SiteRepository implements Sites {

  private final EntityManager em;

  public SiteRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<StoredSite> find(String serialNumber) {
    return Optional.ofNullable(em.find(SiteEntity.class, serialNumber)).map(SiteEntity::toStored);
  }

  @Override
  public Optional<StoredSite> findForChange(String serialNumber) {
    AdvisoryLocks.centersShared(em);
    AdvisoryLocks.serialNumber(em, serialNumber);
    return Optional.ofNullable(
            em.find(SiteEntity.class, serialNumber, LockModeType.PESSIMISTIC_WRITE))
        .map(SiteEntity::toStored);
  }

  @Override
  public List<StoredSite> findLockedByForChange(String rmaNumber) {
    AdvisoryLocks.centersShared(em);
    return em
        .createQuery(
            "from SiteEntity where lockRmaNumber = :rma order by serialNumber", SiteEntity.class)
        .setParameter("rma", rmaNumber)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .stream()
        .map(SiteEntity::toStored)
        .toList();
  }

  @Override
  public List<StoredSite> inCountryForChange(String country) {
    return em
        .createQuery(
            "from SiteEntity where country = :country order by serialNumber", SiteEntity.class)
        .setParameter("country", country)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .stream()
        .map(SiteEntity::toStored)
        .toList();
  }

  @Override
  public void save(StoredSite site) {
    SiteEntity entity = em.find(SiteEntity.class, site.site().serialNumber());
    if (entity == null) {
      entity = new SiteEntity();
      entity.fill(site);
      em.persist(entity);
    } else {
      entity.fill(site);
    }
    em.flush();
  }
}
