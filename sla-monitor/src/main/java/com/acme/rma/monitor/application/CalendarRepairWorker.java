package com.acme.rma.monitor.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs the SLA repairs of calendar changes on a thread of its own, one change after the other: at
 * once after a change, and every few seconds for changes not yet repaired (another replica's, or
 * one interrupted by a crash). It also keeps the calendars in effect up to the database.
 */
@ApplicationScoped
public class CalendarRepairWorker {

  private static final Logger LOG = Logger.getLogger(CalendarRepairWorker.class);

  private final CalendarChangeStore store;
  private final RepairClocks repair;
  private final Instance<ManageClosures> closures;
  private final Clock clock;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "sla-calendar-repair");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean queued = new AtomicBoolean();

  public CalendarRepairWorker(
      CalendarChangeStore store,
      RepairClocks repair,
      Instance<ManageClosures> closures,
      Clock clock) {
    this.store = store;
    this.repair = repair;
    this.closures = closures;
    this.clock = clock;
  }

  /** Repairs what is pending, soon, on the worker's thread. */
  public void kick() {
    if (queued.compareAndSet(false, true)) {
      try {
        thread.submit(this::drain);
      } catch (RejectedExecutionException e) {
        queued.set(false); // shutting down
      }
    }
  }

  @Scheduled(every = "${rma.monitor.repair.interval:3s}", delayed = "2s")
  void every() {
    kick();
  }

  void drain() {
    queued.set(false);
    try {
      QuarkusTransaction.requiringNew().run(() -> closures.get().refresh());
      List<CalendarChangeStore.Change> pending =
          QuarkusTransaction.requiringNew().call(store::unrepaired);
      for (CalendarChangeStore.Change change : pending) {
        int moved =
            repair.repair(change.calendarId(), change.number(), change.day(), change.lastDay());
        QuarkusTransaction.requiringNew()
            .run(() -> store.repaired(change.number(), moved, Instant.now(clock)));
      }
    } catch (RuntimeException e) {
      LOG.warnf(e, "SLA repair interrupted; it resumes on the next round");
    }
  }

  void stop(@Observes ShutdownEvent event) {
    thread.shutdownNow();
  }
}
