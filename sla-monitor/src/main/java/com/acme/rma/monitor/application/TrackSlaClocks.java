package com.acme.rma.monitor.application;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.SlaPolicy;
import com.acme.rma.monitor.domain.DeadlineChange;
import com.acme.rma.monitor.domain.SlaClock;
import com.acme.rma.monitor.domain.SlaEvent;
import com.acme.rma.monitor.domain.SlaState;
import com.acme.rma.monitor.domain.Transition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts, stops, pauses and cancels clocks as the other services' events arrive; each call runs in
 * the consumer's transaction, so the clock, its alerts, its deadline announcement ({@code
 * sla.deadline-changed.v1}) and the processed-event mark commit together.
 */
@ApplicationScoped
public class TrackSlaClocks {

  private static final Logger LOG = Logger.getLogger(TrackSlaClocks.class);

  private final SlaClockStore store;
  private final SlaPolicy policy;
  private final AlertOutbox alerts;
  private final DeadlineAnnouncements deadlines;
  private final Clock clock;

  public TrackSlaClocks(
      SlaClockStore store,
      SlaPolicy policy,
      AlertOutbox alerts,
      DeadlineAnnouncements deadlines,
      Clock clock) {
    this.store = store;
    this.policy = policy;
    this.alerts = alerts;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /**
   * {@code rma.authorized.v1}: one clock per RMA, timed from {@code authorizedAt} (an overdue one
   * is breached at once). Shipment events that arrived first are applied now, in the order they
   * happened. A second authorization of the same RMA changes nothing.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void authorized(String rmaNumber, ServiceLevel level, Instant authorizedAt) {
    store.lockRma(rmaNumber);
    if (store.find(rmaNumber).isPresent()) {
      LOG.infof(
          "%s already has an SLA clock; the repeated authorization changes nothing", rmaNumber);
      return;
    }
    Instant now = now();
    SlaClock started = SlaClock.start(rmaNumber, level, authorizedAt, policy);
    Transition t = Transition.to(started);
    Optional<DeadlineChange.Reason> reason = Optional.empty();
    for (SlaEvent parked : store.unpark(rmaNumber)) {
      SlaClock before = t.clock();
      t = t.then(c -> c.apply(parked, policy));
      if (!Objects.equals(
          DeadlineChange.announcedDue(before), DeadlineChange.announcedDue(t.clock()))) {
        reason = DeadlineChange.reasonOf(parked);
      }
    }
    t = t.then(c -> c.tick(now));
    store.insert(t.clock(), now);
    alerts.publish(t.alerts());
    // the RMA's readers know the deadline of the start (rma-intake computed it); events heard
    // before the authorization (an export hold) may have changed it already
    SlaClock clock = t.clock();
    Optional<DeadlineChange.Reason> why = reason;
    deadlines.announce(why.flatMap(r -> DeadlineChange.between(started, clock, r, now)));
  }

  /**
   * An event about a running RMA. Without a clock yet: shipment events ({@code park}) wait for the
   * authorization, which can be consumed later than them (another topic); lifecycle events are
   * ignored (a cancelled or closed RMA that was never authorized has no clock). Shipment events for
   * a CANCELLED clock are kept the same way: they change nothing unless the RMA is reinstated
   * ({@link #reinstated}), which then applies them.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void happened(String rmaNumber, SlaEvent event, boolean park) {
    store.lockRma(rmaNumber);
    Optional<SlaClock> found = store.findForUpdate(rmaNumber);
    if (found.isEmpty()) {
      if (park) {
        store.park(rmaNumber, event, now());
        LOG.infof(
            "%s for %s arrived before its authorization: kept until it arrives", event, rmaNumber);
      }
      return;
    }
    if (park && found.get().state() == SlaState.CANCELLED) {
      store.park(rmaNumber, event, now());
      LOG.infof(
          "%s for %s, whose clock is cancelled: kept in case the RMA is reinstated",
          event, rmaNumber);
      return;
    }
    Instant now = now();
    SlaClock before = found.get();
    Transition t = before.apply(event, policy).then(c -> c.tick(now));
    if (!t.clock().equals(before)) {
      store.update(t.clock(), now);
    }
    alerts.publish(t.alerts());
    SlaClock after = t.clock();
    deadlines.announce(
        DeadlineChange.reasonOf(event).flatMap(r -> DeadlineChange.between(before, after, r, now)));
  }

  /**
   * {@code rma.reinstated.v1}: the RMA's cancellation did not take (its replacement had left). The
   * CANCELLED clock goes back to what it would be without the cancel, by its original deadline; the
   * shipment events kept while it was cancelled are applied in the order they happened; then time
   * catches up (at risk or breached by now, alerts once). Anything but a CANCELLED clock is left as
   * it is (a repeat; an RMA the monitor has no clock for).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void reinstated(String rmaNumber) {
    store.lockRma(rmaNumber);
    Optional<SlaClock> found = store.findForUpdate(rmaNumber);
    if (found.isEmpty() || found.get().state() != SlaState.CANCELLED) {
      LOG.infof(
          "%s reinstated; its clock is %s: nothing to undo",
          rmaNumber, found.map(c -> c.state().name()).orElse("missing"));
      return;
    }
    Instant now = now();
    SlaClock cancelled = found.get();
    Transition t = cancelled.reinstate();
    for (SlaEvent kept : store.unpark(rmaNumber)) {
      t = t.then(c -> c.apply(kept, policy));
    }
    t = t.then(c -> c.tick(now));
    store.update(t.clock(), now);
    alerts.publish(t.alerts());
    deadlines.announce(
        DeadlineChange.between(cancelled, t.clock(), DeadlineChange.Reason.REINSTATED, now));
    LOG.infof("%s reinstated: its clock is %s again", rmaNumber, t.clock().state());
  }

  private Instant now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
