package com.acme.rma.registry.application;

import com.acme.rma.registry.domain.ServiceCenter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A pending center starts serving by itself when its {@code activeFrom} passes (reads decide with
 * the clock). This check also publishes the sites whose Gold Plus decision changed then, so that
 * readers of {@code registry.sites} learn it without asking.
 */
@ApplicationScoped
public class AnnounceActivatedCenters {

  private static final Logger LOG = Logger.getLogger(AnnounceActivatedCenters.class);

  private final ServiceCenters centers;
  private final Eligibility eligibility;
  private final Clock clock;

  public AnnounceActivatedCenters(ServiceCenters centers, Eligibility eligibility, Clock clock) {
    this.centers = centers;
    this.eligibility = eligibility;
    this.clock = clock;
  }

  @Scheduled(
      identity = "announce-activated-centers",
      every = "${registry.activation-check.every:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    try {
      announce();
    } catch (RuntimeException e) {
      LOG.warn("announcing activated service centers failed; retried at the next check", e);
    }
  }

  /**
   * Re-evaluates the countries of centers that have opened since the last check.
   *
   * @return how many sites were published
   */
  public int announce() {
    boolean anyOpened =
        QuarkusTransaction.requiringNew()
            .call(() -> !centers.activatedUnannounced(Instant.now(clock)).isEmpty());
    return anyOpened ? QuarkusTransaction.requiringNew().call(this::announceInTransaction) : 0;
  }

  private int announceInTransaction() {
    centers.lockForWrite();
    Instant now = Instant.now(clock);
    List<ServiceCenter> opened = centers.activatedUnannounced(now);
    if (opened.isEmpty()) {
      return 0;
    }
    int published = eligibility.refresh(opened.stream().map(ServiceCenter::country).toList(), now);
    opened.forEach(center -> centers.markActivationAnnounced(center.id()));
    return published;
  }
}
