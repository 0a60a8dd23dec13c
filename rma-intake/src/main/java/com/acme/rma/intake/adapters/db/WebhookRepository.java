package com.acme.rma.intake.adapters.db;

import com.acme.rma.intake.application.webhook.WebhookStore;
import com.acme.rma.intake.domain.webhook.EndpointHealth;
import com.acme.rma.intake.domain.webhook.WebhookEndpoint;
import com.acme.rma.platform.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Webhook endpoints, deliveries and attempts in plain SQL. */
@ApplicationScoped
class WebhookRepository implements WebhookStore {

  private static final String ENDPOINT =
      "id, partner_id, url, secret, event_types, state, paused_reason, paused_at,"
          + " consecutive_failures, failing_since, created_at";
  private static final String DELIVERY =
      "id, endpoint_id, rma_number, event_id, event_type, payload, attempts, created_at,"
          + " deadline_at, event_at";

  private final EntityManager em;

  WebhookRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void insert(WebhookEndpoint e) {
    em.createNativeQuery(
            "insert into webhook_endpoint ("
                + ENDPOINT
                + ") values (:id, :partner, :url, :secret, :types, :state, :reason, :pausedAt,"
                + " :failures, :failingSince, :createdAt)")
        .setParameter("id", e.id())
        .setParameter("partner", e.partnerId())
        .setParameter("url", e.url())
        .setParameter("secret", e.secret())
        .setParameter("types", String.join(",", e.eventTypes()))
        .setParameter("state", e.state().name())
        .setParameter("reason", e.pausedReason())
        .setParameter("pausedAt", e.pausedAt())
        .setParameter("failures", e.health().consecutiveFailures())
        .setParameter("failingSince", e.health().failingSince())
        .setParameter("createdAt", e.createdAt())
        .executeUpdate();
  }

  @Override
  public Optional<WebhookEndpoint> find(UUID id) {
    return endpoints(
            em.createNativeQuery("select " + ENDPOINT + " from webhook_endpoint where id = :id")
                .setParameter("id", id))
        .stream()
        .findFirst();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<WebhookEndpoint> findForUpdate(UUID id) {
    return endpoints(
            em.createNativeQuery(
                    "select " + ENDPOINT + " from webhook_endpoint where id = :id for update")
                .setParameter("id", id))
        .stream()
        .findFirst();
  }

  @Override
  public Page<WebhookEndpoint> list(Filter filter, Page.Request page) {
    String where =
        " where (cast(:partner as varchar) is null or partner_id = :partner)"
            + " and (cast(:state as varchar) is null or state = :state)";
    String state = filter.state() == null ? null : filter.state().name();
    long total =
        ((Number)
                em.createNativeQuery("select count(*) from webhook_endpoint" + where)
                    .setParameter("partner", filter.partnerId())
                    .setParameter("state", state)
                    .getSingleResult())
            .longValue();
    List<WebhookEndpoint> items =
        endpoints(
            em.createNativeQuery(
                    "select "
                        + ENDPOINT
                        + " from webhook_endpoint"
                        + where
                        + " order by created_at, id offset :offset limit :limit")
                .setParameter("partner", filter.partnerId())
                .setParameter("state", state)
                .setParameter("offset", page.offset())
                .setParameter("limit", page.size()));
    return new Page<>(items, page.page(), page.size(), total);
  }

  @Override
  public List<WebhookEndpoint> subscribers(String partnerId, String type) {
    return endpoints(
            em.createNativeQuery(
                    "select " + ENDPOINT + " from webhook_endpoint where partner_id = :partner")
                .setParameter("partner", partnerId))
        .stream()
        .filter(e -> e.subscribes(type))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void update(WebhookEndpoint e) {
    em.createNativeQuery(
            "update webhook_endpoint set state = :state, paused_reason = :reason,"
                + " paused_at = :pausedAt, consecutive_failures = :failures,"
                + " failing_since = :failingSince where id = :id")
        .setParameter("state", e.state().name())
        .setParameter("reason", e.pausedReason())
        .setParameter("pausedAt", e.pausedAt())
        .setParameter("failures", e.health().consecutiveFailures())
        .setParameter("failingSince", e.health().failingSince())
        .setParameter("id", e.id())
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean delete(UUID id) {
    return em.createNativeQuery("delete from webhook_endpoint where id = :id")
            .setParameter("id", id)
            .executeUpdate()
        == 1;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void enqueue(Delivery d, Instant nextAttemptAt) {
    em.createNativeQuery(
            "insert into webhook_delivery (id, endpoint_id, rma_number, event_id, event_type,"
                + " payload, status, attempts, created_at, deadline_at, next_attempt_at, event_at)"
                + " values (:id, :endpoint, :rma, :eventId, :type, :payload, 'PENDING', 0,"
                + " :createdAt, :deadline, :next, :eventAt)"
                + " on conflict (endpoint_id, event_id) do nothing")
        .setParameter("id", d.id())
        .setParameter("endpoint", d.endpointId())
        .setParameter("rma", d.rmaNumber())
        .setParameter("eventId", d.eventId())
        .setParameter("type", d.eventType())
        .setParameter("payload", d.payload())
        .setParameter("createdAt", d.createdAt())
        .setParameter("deadline", d.deadlineAt())
        .setParameter("eventAt", d.eventAt())
        .setParameter("next", nextAttemptAt)
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Delivery> claimDue(Instant now, Duration lease, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "update webhook_delivery set attempts = attempts + 1, next_attempt_at = :leased"
                    + " where id in (select d.id from webhook_delivery d"
                    + " join webhook_endpoint e on e.id = d.endpoint_id"
                    + " where d.status = 'PENDING' and d.next_attempt_at <= :now"
                    + " and e.state = 'ACTIVE'"
                    + " and not exists (select 1 from webhook_delivery p"
                    + " where p.endpoint_id = d.endpoint_id and p.rma_number = d.rma_number"
                    + " and p.status = 'PENDING' and (p.event_at, p.seq) < (d.event_at, d.seq))"
                    + " order by d.seq limit :limit for update of d skip locked)"
                    + " returning "
                    + DELIVERY)
            .setParameter("leased", now.plus(lease))
            .setParameter("now", now)
            .setParameter("limit", limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Delivery(
                    uuid(r[0]),
                    uuid(r[1]),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    ((Number) r[6]).intValue(),
                    instant(r[7]),
                    instant(r[8]),
                    instant(r[9])))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void settle(UUID deliveryId, String status, Instant nextAttemptAt, Instant finishedAt) {
    em.createNativeQuery(
            "update webhook_delivery set status = :status, next_attempt_at = :next,"
                + " finished_at = :finished where id = :id")
        .setParameter("status", status)
        .setParameter("next", nextAttemptAt)
        .setParameter("finished", finishedAt)
        .setParameter("id", deliveryId)
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAttempt(UUID endpointId, Attempt a) {
    em.createNativeQuery(
            "insert into webhook_attempt (endpoint_id, delivery_id, event_id, event_type, attempt,"
                + " attempted_at, status_code, duration_ms, error, outcome, next_retry_at)"
                + " values (:endpoint, :delivery, :eventId, :type, :attempt, :at, :code,"
                + " :duration, :error, :outcome, :next)")
        .setParameter("endpoint", endpointId)
        .setParameter("delivery", a.deliveryId())
        .setParameter("eventId", a.eventId())
        .setParameter("type", a.eventType())
        .setParameter("attempt", a.attempt())
        .setParameter("at", a.attemptedAt())
        .setParameter("code", a.statusCode())
        .setParameter("duration", a.durationMs())
        .setParameter("error", a.error() == null ? null : truncate(a.error(), 1000))
        .setParameter("outcome", a.outcome())
        .setParameter("next", a.nextRetryAt())
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int forgetFinishedBefore(Instant cutoff, int limit) {
    return em.createNativeQuery(
            "delete from webhook_delivery where id in (select id from webhook_delivery"
                + " where status in ('DELIVERED', 'PARKED') and finished_at < :cutoff"
                + " order by finished_at limit :limit for update skip locked)")
        .setParameter("cutoff", cutoff)
        .setParameter("limit", limit)
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int forgetAttemptsBefore(Instant cutoff, int limit) {
    return em.createNativeQuery(
            "delete from webhook_attempt where id in (select id from webhook_attempt"
                + " where attempted_at < :cutoff order by attempted_at limit :limit"
                + " for update skip locked)")
        .setParameter("cutoff", cutoff)
        .setParameter("limit", limit)
        .executeUpdate();
  }

  @Override
  public List<Attempt> attempts(UUID endpointId, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select delivery_id, event_id, event_type, attempt, attempted_at, status_code,"
                    + " duration_ms, error, outcome, next_retry_at from webhook_attempt"
                    + " where endpoint_id = :endpoint order by id desc limit :limit")
            .setParameter("endpoint", endpointId)
            .setParameter("limit", limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Attempt(
                    uuid(r[0]),
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).intValue(),
                    instant(r[4]),
                    r[5] == null ? null : ((Number) r[5]).intValue(),
                    ((Number) r[6]).longValue(),
                    (String) r[7],
                    (String) r[8],
                    instant(r[9])))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void restartPending(UUID endpointId, Instant now, Instant deadline) {
    em.createNativeQuery(
            "update webhook_delivery set next_attempt_at = :now, deadline_at = :deadline"
                + " where endpoint_id = :endpoint and status = 'PENDING'")
        .setParameter("now", now)
        .setParameter("deadline", deadline)
        .setParameter("endpoint", endpointId)
        .executeUpdate();
  }

  private static List<WebhookEndpoint> endpoints(Query query) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            r ->
                new WebhookEndpoint(
                    uuid(r[0]),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    Arrays.stream(((String) r[4]).split(","))
                        .filter(s -> !s.isBlank())
                        .collect(Collectors.toCollection(LinkedHashSet::new)),
                    WebhookEndpoint.State.valueOf((String) r[5]),
                    (String) r[6],
                    instant(r[7]),
                    new EndpointHealth(((Number) r[8]).intValue(), instant(r[9])),
                    instant(r[10])))
        .toList();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static UUID uuid(Object value) {
    return value instanceof UUID u ? u : UUID.fromString(value.toString());
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
