package com.acme.rma.platform.outbox;

import com.acme.rma.platform.problem.ProblemException;
import com.acme.rma.platform.rest.Page;
import com.acme.rma.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.logging.Logger;

/**
 * Outbox rows the relay parked (every service has this, on its own outbox): ops lists them with
 * their reason and, once the cause is fixed (topic created, ACL granted, broker limit raised),
 * retries one; the relay then sends it again with its attempts reset.
 */
@Path("/api/v1/ops/outbox/parked")
@RolesAllowed(Caller.OPS)
@Produces(MediaType.APPLICATION_JSON)
public class ParkedOutboxResource {

  private static final Logger LOG = Logger.getLogger(ParkedOutboxResource.class);

  /** One parked row; the payload is left out (it may be what made the row unsendable). */
  public record ParkedEvent(
      long seq,
      UUID id,
      String topic,
      String key,
      String type,
      int attempts,
      String lastError,
      Instant parkedAt,
      Instant occurredAt) {

    static ParkedEvent of(OutboxEvent row) {
      return new ParkedEvent(
          row.seq,
          row.id,
          row.topic,
          row.key,
          row.type,
          row.attempts,
          row.lastError,
          row.parkedAt,
          row.occurredAt);
    }
  }

  private final EntityManager em;

  public ParkedOutboxResource(EntityManager em) {
    this.em = em;
  }

  /** Parked rows, oldest first (seq order, the order they were meant to be sent in). */
  @GET
  @Transactional
  public Page<ParkedEvent> list(@QueryParam("page") String page, @QueryParam("size") String size) {
    Page.Request request = Page.Request.parse(page, size);
    List<OutboxEvent> rows =
        em.createQuery(
                "from OutboxEvent where parkedAt is not null order by seq", OutboxEvent.class)
            .setFirstResult(request.offset())
            .setMaxResults(request.size())
            .getResultList();
    long total =
        em.createQuery(
                "select count(e) from OutboxEvent e where e.parkedAt is not null", Long.class)
            .getSingleResult();
    return new Page<>(rows, request.page(), request.size(), total).map(ParkedEvent::of);
  }

  /**
   * Un-parks a row: attempts back to 0, so the relay sends it again at its place in seq order (it
   * may be parked again after as many failures if the cause is still there). Answers the row as it
   * is now, no longer parked.
   */
  @APIResponseSchema(
      value = ParkedEvent.class,
      responseCode = "200",
      responseDescription = "the row, no longer parked")
  @APIResponse(responseCode = "404", description = "OUTBOX_EVENT_NOT_PARKED")
  @POST
  @Path("/{id}/retry")
  @Transactional
  public ParkedEvent retry(@PathParam("id") String id) {
    UUID uuid = parse(id);
    List<OutboxEvent> rows =
        em.createQuery(
                "from OutboxEvent where id = :id and parkedAt is not null", OutboxEvent.class)
            .setParameter("id", uuid)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound(
          "OUTBOX_EVENT_NOT_PARKED", "No parked outbox event has id " + uuid + ".");
    }
    OutboxEvent row = rows.get(0);
    LOG.infof(
        "ops retries parked outbox event %s (%s to %s), last error: %s",
        row.id, row.type, row.topic, row.lastError);
    row.parkedAt = null;
    row.attempts = 0;
    return ParkedEvent.of(row);
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("id", "must be a UUID");
    }
  }
}
