package com.acme.rma.intake.application;

import com.acme.rma.calendar.CalendarChanges;
import com.acme.rma.calendar.LiveCalendars;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Ops' calendar changes, as sla-monitor announces them ({@code sla.calendar-changed.v1}): the
 * newest version per calendar is kept in this service's database and laid over the shipped
 * calendars ({@link LiveCalendars}, the same overlay as the monitor's), so that the support hours
 * and the deadlines of new RMAs follow them without a restart. Every replica reads the kept changes
 * at start and every few seconds (only one replica of the group consumes each record).
 */
@ApplicationScoped
public class RecordCalendarChange {

  private final CalendarChangesStore store;
  private final LiveCalendars calendars;
  private final Clock clock;

  public RecordCalendarChange(CalendarChangesStore store, LiveCalendars calendars, Clock clock) {
    this.store = store;
    this.calendars = calendars;
    this.clock = clock;
  }

  /** Keeps the changes when newer; an older or repeated version changes nothing. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean changed(CalendarChanges changes) {
    boolean newer = store.keep(changes, Instant.now(clock));
    calendars.apply(changes);
    return newer;
  }

  void onStart(@Observes StartupEvent start) {
    refresh();
  }

  @Scheduled(every = "${rma.intake.calendar-refresh:2s}", delayed = "2s")
  void refresh() {
    QuarkusTransaction.requiringNew().call(store::all).forEach(calendars::apply);
  }
}
