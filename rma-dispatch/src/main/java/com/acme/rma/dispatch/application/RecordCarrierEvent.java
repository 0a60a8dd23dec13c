package com.acme.rma.dispatch.application;

import com.acme.rma.dispatch.domain.CarrierClock;
import com.acme.rma.dispatch.domain.CarrierReport;
import com.acme.rma.dispatch.domain.Shipment;
import com.acme.rma.dispatch.domain.Transition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Applies carrier progress reported by a logistics system, through REST or Kafka alike. The
 * shipment is locked while the report applies, so concurrent reports for one RMA apply one after
 * the other.
 */
@ApplicationScoped
public class RecordCarrierEvent {

  /** Instants outside these bounds are typing errors (and beyond the business calendars). */
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private final Shipments shipments;
  private final ShipmentEventPublisher publisher;
  private final CarrierClock carrierClock;
  private final Clock clock;

  public RecordCarrierEvent(
      Shipments shipments,
      ShipmentEventPublisher publisher,
      CarrierClock carrierClock,
      Clock clock) {
    this.shipments = shipments;
    this.publisher = publisher;
    this.carrierClock = carrierClock;
    this.clock = clock;
  }

  /** A report from a system that may report for any shipment (Kafka, tokens without a carrier). */
  @Transactional
  public CarrierEventOutcome record(String rmaNumber, CarrierReport report) {
    return record(rmaNumber, report, Optional.empty());
  }

  /**
   * A report from a carrier that may report only for shipments whose carrier is unset or its own:
   * any other is as unknown to it as a missing one (no existence leak).
   */
  @Transactional
  public CarrierEventOutcome record(
      String rmaNumber, CarrierReport report, Optional<String> reportingCarrier) {
    Instant receivedAt = clock.instant();
    if (report.occurredAt().isBefore(EARLIEST) || !report.occurredAt().isBefore(LATEST)) {
      return new CarrierEventOutcome.Invalid("occurredAt", "must lie in the years 2000 to 2099");
    }
    CarrierReport exact =
        new CarrierReport(
            report.type(),
            report.occurredAt().truncatedTo(ChronoUnit.MICROS),
            report.carrier(),
            report.trackingNumber(),
            receivedAt.truncatedTo(ChronoUnit.MICROS));
    Optional<Shipment> found = shipments.findForUpdate(rmaNumber);
    if (found.isEmpty()
        || reportingCarrier.isPresent()
            && found.get().carrier() != null
            && !found.get().carrier().equals(reportingCarrier.get())) {
      return new CarrierEventOutcome.UnknownShipment(rmaNumber);
    }
    Optional<CarrierClock.Implausible> implausible =
        carrierClock.check(exact.occurredAt(), receivedAt, found.get().authorizedAt());
    if (implausible.isPresent()) {
      return new CarrierEventOutcome.Implausible(
          implausible.get().code(), implausible.get().detail());
    }
    Transition transition = found.get().report(exact);
    if (transition instanceof Transition.Changed changed) {
      shipments.update(changed.shipment());
      publisher.publish(changed.events());
      return new CarrierEventOutcome.Applied(changed.shipment());
    }
    if (transition instanceof Transition.Unchanged unchanged) {
      return new CarrierEventOutcome.Repeated(unchanged.shipment(), unchanged.reason());
    }
    Transition.Refused refused = (Transition.Refused) transition;
    return new CarrierEventOutcome.Refused(
        refused.shipment(), refused.attempted(), refused.reason());
  }
}
