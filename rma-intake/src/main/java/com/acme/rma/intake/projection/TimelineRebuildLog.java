package com.acme.rma.intake.projection;

import com.acme.rma.intake.projection.TimelineRebuilds.State;
import com.acme.rma.intake.projection.TimelineRebuilds.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The timeline rebuilds' states ({@code timeline_rebuild}) in intake's database, in plain SQL. */
@ApplicationScoped
public class TimelineRebuildLog {

  private static final String COLUMNS =
      "id, state, started_at, finished_at, records, entries, error";

  private final EntityManager em;

  public TimelineRebuildLog(EntityManager em) {
    this.em = em;
  }

  /**
   * Records a new running rebuild unless one runs; a running one started before {@code
   * abandonedBefore} has no instance working on it any more and is marked failed first.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean start(UUID id, Instant now, Instant abandonedBefore, String abandoned) {
    em.createNativeQuery(
            "update timeline_rebuild set state = 'FAILED', finished_at = :now, error = :error"
                + " where state = 'RUNNING' and started_at < :before")
        .setParameter("now", now)
        .setParameter("error", abandoned)
        .setParameter("before", abandonedBefore)
        .executeUpdate();
    return em.createNativeQuery(
                "insert into timeline_rebuild (id, state, started_at) values (:id, 'RUNNING', :now)"
                    + " on conflict do nothing")
            .setParameter("id", id)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void done(UUID id, Instant now, int records, int entries) {
    em.createNativeQuery(
            "update timeline_rebuild set state = 'DONE', finished_at = :now, records = :records,"
                + " entries = :entries where id = :id and state = 'RUNNING'")
        .setParameter("id", id)
        .setParameter("now", now)
        .setParameter("records", records)
        .setParameter("entries", entries)
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(UUID id, Instant now, String error) {
    em.createNativeQuery(
            "update timeline_rebuild set state = 'FAILED', finished_at = :now, error = :error"
                + " where id = :id and state = 'RUNNING'")
        .setParameter("id", id)
        .setParameter("now", now)
        .setParameter("error", error.length() <= 1000 ? error : error.substring(0, 999) + "…")
        .executeUpdate();
  }

  /** The running rebuild, if any. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Status> running() {
    return first("select " + COLUMNS + " from timeline_rebuild where state = 'RUNNING'");
  }

  /** The rebuild started last (in the order they were started), if any. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Status> latest() {
    return first("select " + COLUMNS + " from timeline_rebuild order by seq desc");
  }

  private Optional<Status> first(String sql) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(sql).setMaxResults(1).getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Status(
                    r[0] instanceof UUID id ? id : UUID.fromString(r[0].toString()),
                    State.valueOf((String) r[1]),
                    TimelineStore.instant(r[2]),
                    r[3] == null ? null : TimelineStore.instant(r[3]),
                    r[4] == null ? null : ((Number) r[4]).intValue(),
                    r[5] == null ? null : ((Number) r[5]).intValue(),
                    (String) r[6]));
  }
}
