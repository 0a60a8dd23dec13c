package com.acme.rma.registry.adapters.db;

import com.acme.rma.platform.rest.Page;
import com.acme.rma.registry.application.ServiceCenters;
import com.acme.rma.registry.domain.ServiceCenter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Service centers in PostgreSQL. */
@ApplicationScoped
public class ServiceCenterRepository implements ServiceCenters {

  private final EntityManager em;

  public ServiceCenterRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<ServiceCenter> find(String id) {
    return Optional.ofNullable(em.find(ServiceCenterEntity.class, id))
        .map(ServiceCenterEntity::toDomain);
  }

  @Override
  public List<ServiceCenter> inCountry(String country) {
    return em
        .createQuery(
            "from ServiceCenterEntity where country = :country order by id",
            ServiceCenterEntity.class)
        .setParameter("country", country)
        .getResultList()
        .stream()
        .map(ServiceCenterEntity::toDomain)
        .toList();
  }

  @Override
  public Page<ServiceCenter> list(Page.Request request, Optional<String> country) {
    String where = country.isPresent() ? " where country = :country" : "";
    var count = em.createQuery("select count(*) from ServiceCenterEntity" + where, Long.class);
    var items =
        em.createQuery(
                "from ServiceCenterEntity" + where + " order by id", ServiceCenterEntity.class)
            .setFirstResult(request.offset())
            .setMaxResults(request.size());
    country.ifPresent(
        c -> {
          count.setParameter("country", c);
          items.setParameter("country", c);
        });
    return new Page<>(
        items.getResultList().stream().map(ServiceCenterEntity::toDomain).toList(),
        request.page(),
        request.size(),
        count.getSingleResult());
  }

  @Override
  public void lockForWrite() {
    AdvisoryLocks.centersExclusive(em);
  }

  @Override
  public void save(ServiceCenter center, boolean activationAnnounced) {
    ServiceCenterEntity entity = em.find(ServiceCenterEntity.class, center.id());
    if (entity == null) {
      entity = new ServiceCenterEntity();
      entity.fill(center, activationAnnounced);
      em.persist(entity);
    } else {
      entity.fill(center, activationAnnounced);
    }
    em.flush();
  }

  @Override
  public List<ServiceCenter> activatedUnannounced(Instant now) {
    return em
        .createQuery(
            "from ServiceCenterEntity where activationAnnounced = false and activeFrom <= :now"
                + " order by id",
            ServiceCenterEntity.class)
        .setParameter("now", now)
        .getResultList()
        .stream()
        .map(ServiceCenterEntity::toDomain)
        .toList();
  }

  @Override
  public void markActivationAnnounced(String id) {
    ServiceCenterEntity entity = em.find(ServiceCenterEntity.class, id);
    if (entity != null) {
      entity.activationAnnounced = true;
    }
  }
}
