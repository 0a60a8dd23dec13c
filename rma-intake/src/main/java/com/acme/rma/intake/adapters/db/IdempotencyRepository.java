package com.acme.rma.intake.adapters.db;

import com.acme.rma.intake.application.IdempotencyStore;
import com.acme.rma.intake.domain.Rma;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Idempotency keys in plain SQL: a composite key and an insert that never fails on conflict. */
@ApplicationScoped
class IdempotencyRepository implements IdempotencyStore {

  private final EntityManager em;
  private final ObjectMapper mapper;

  IdempotencyRepository(EntityManager em, ObjectMapper mapper) {
    this.em = em;
    this.mapper = mapper;
  }

  @Override
  public Optional<Used> find(String partnerId, String key) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select request_hash, first_answer from idempotency_key"
                    + " where partner_id = :partner and idem_key = :key")
            .setParameter("partner", partnerId)
            .setParameter("key", key)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(row -> new Used(((String) row[0]).trim(), read((String) row[1])));
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void save(String partnerId, String key, String requestHash, Rma firstAnswer, Instant at) {
    int inserted =
        em.createNativeQuery(
                "insert into idempotency_key"
                    + " (partner_id, idem_key, request_hash, rma_number, first_answer, created_at)"
                    + " values (:partner, :key, :hash, :rma, :answer, :at)"
                    + " on conflict (partner_id, idem_key) do nothing")
            .setParameter("partner", partnerId)
            .setParameter("key", key)
            .setParameter("hash", requestHash)
            .setParameter("rma", firstAnswer.rmaNumber())
            .setParameter("answer", write(firstAnswer))
            .setParameter("at", at)
            .executeUpdate();
    if (inserted == 0) {
      throw new KeyTakenException(null);
    }
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int forgetStoredBefore(Instant cutoff, int limit) {
    return em.createNativeQuery(
            "delete from idempotency_key where (partner_id, idem_key) in"
                + " (select partner_id, idem_key from idempotency_key where created_at < :cutoff"
                + " order by created_at limit :limit for update skip locked)")
        .setParameter("cutoff", cutoff)
        .setParameter("limit", limit)
        .executeUpdate();
  }

  private String write(Rma rma) {
    try {
      return mapper.writeValueAsString(rma);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store the answer of " + rma.rmaNumber(), e);
    }
  }

  private Rma read(String json) {
    try {
      return mapper.readValue(json, Rma.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a stored answer", e);
    }
  }
}
