package com.acme.rma.registry.support;

import com.acme.rma.platform.outbox.OutboxEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Reads what the registry put in its outbox for a site, committed, in order. */
@ApplicationScoped
public class SiteEventLog {

  private final EntityManager em;
  private final ObjectMapper mapper;

  public SiteEventLog(EntityManager em, ObjectMapper mapper) {
    this.em = em;
    this.mapper = mapper;
  }

  /** Every {@code registry.site.changed.v1} payload for this serial number, oldest first. */
  public List<JsonNode> siteChanges(String serialNumber) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em
                    .createQuery(
                        "from OutboxEvent where key = :key and type = :type order by seq",
                        OutboxEvent.class)
                    .setParameter("key", serialNumber)
                    .setParameter("type", "registry.site.changed.v1")
                    .getResultList()
                    .stream()
                    .map(this::payload)
                    .toList());
  }

  /** Whether an inbound event (source + id) was recorded as applied. */
  public boolean processed(String source, String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                            em.createNativeQuery(
                                    "select count(*) from processed_event"
                                        + " where source = :source and id = :id")
                                .setParameter("source", source)
                                .setParameter("id", id)
                                .getSingleResult())
                        .longValue()
                    == 1);
  }

  private JsonNode payload(OutboxEvent event) {
    try {
      return mapper.readTree(event.payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
