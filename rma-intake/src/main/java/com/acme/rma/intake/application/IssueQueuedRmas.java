package com.acme.rma.intake.application;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Topics;
import com.acme.rma.intake.domain.Rma;
import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.platform.outbox.OutgoingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Issues QUEUED RMAs when support hours open. The work list is the database itself, so it survives
 * restarts; each RMA is claimed with {@code FOR UPDATE SKIP LOCKED} and issued in its own
 * transaction together with its {@code rma.authorized.v1} outbox row: exactly once, whatever the
 * number of replicas.
 */
@ApplicationScoped
public class IssueQueuedRmas {

  private static final Logger LOG = Logger.getLogger(IssueQueuedRmas.class);
  private static final int MAX_PER_RUN = 1000;

  private final RmaStore rmas;
  private final Outbox outbox;
  private final Clock clock;
  private final Counter issued;

  public IssueQueuedRmas(RmaStore rmas, Outbox outbox, Clock clock, MeterRegistry metrics) {
    this.rmas = rmas;
    this.outbox = outbox;
    this.clock = clock;
    this.issued = metrics.counter("rma.intake.queued.issued");
  }

  @Scheduled(
      identity = "issue-queued-rmas",
      every = "${rma.intake.issue-interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    try {
      issueDue();
    } catch (RuntimeException e) {
      LOG.warn("issuing queued RMAs failed; they stay queued and are retried", e);
    }
  }

  /** Issues every queued RMA that is due now; returns how many. */
  public int issueDue() {
    int count = 0;
    while (count < MAX_PER_RUN && QuarkusTransaction.requiringNew().call(this::issueNext)) {
      count++;
    }
    return count;
  }

  private boolean issueNext() {
    Optional<Rma> due = rmas.claimDueQueued(Instant.now(clock));
    if (due.isEmpty()) {
      return false;
    }
    Rma rma = due.get().issue().orElseThrow();
    rmas.update(rma);
    outbox.add(
        new OutgoingEvent(
            Topics.LIFECYCLE,
            rma.rmaNumber(),
            EventTypes.RMA_AUTHORIZED,
            Events.RmaAuthorized.of(rma)));
    issued.increment();
    LOG.infof("issued queued %s (clock from %s)", rma.rmaNumber(), rma.authorizedAt());
    return true;
  }
}
