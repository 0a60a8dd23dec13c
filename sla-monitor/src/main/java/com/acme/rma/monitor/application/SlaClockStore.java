package com.acme.rma.monitor.application;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.monitor.domain.SlaClock;
import com.acme.rma.monitor.domain.SlaEvent;
import com.acme.rma.monitor.domain.SlaState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where clocks live (port). Every method runs in the caller's transaction. */
public interface SlaClockStore {

  /**
   * Serializes all event handling for one RMA until the transaction ends (the two input topics are
   * consumed concurrently; an event must never miss a clock being created beside it).
   */
  void lockRma(String rmaNumber);

  /** The clock, locked for update until the transaction ends. */
  Optional<SlaClock> findForUpdate(String rmaNumber);

  Optional<SlaClock> find(String rmaNumber);

  /** Stores a new clock; {@code nextFireAt} is taken from the clock's next moment. */
  void insert(SlaClock clock, Instant now);

  void update(SlaClock clock, Instant now);

  /**
   * The trace context ({@code traceparent}) that was current when the clock was stored, so that
   * what time alone fires later continues that trace; empty when there was none.
   */
  Optional<String> traceparent(String rmaNumber);

  /**
   * Clocks whose next moment is at or before {@code now}, locked for update; clocks locked by
   * another transaction (another replica's timer, a consumer) are skipped, never waited for.
   */
  List<SlaClock> claimDue(Instant now, int limit);

  /** The earliest next moment of any clock. */
  Optional<Instant> nextMoment();

  /** A page of clocks, filtered; ordered by dueAt (ascending or descending), then RMA number. */
  Slice list(Filter filter, boolean newestDueFirst, int offset, int limit);

  /** How many clocks are in each state at each level (missing combinations have none). */
  List<Count> countByStateAndLevel();

  /** Keeps a shipment event that arrived before its RMA's authorization. */
  void park(String rmaNumber, SlaEvent event, Instant now);

  /** Removes and returns the parked events of an RMA, oldest occurrence first. */
  List<SlaEvent> unpark(String rmaNumber);

  record Filter(SlaState state, ServiceLevel serviceLevel) {}

  record Slice(List<SlaClock> items, long total) {}

  record Count(SlaState state, ServiceLevel serviceLevel, long count) {}
}
