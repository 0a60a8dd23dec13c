package com.acme.rma.dispatch.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The replacement shipment of one RMA and its state machine.
 *
 * <pre>
 * EXPORT_HOLD ──EXPORT_CLEARED──▶ CREATED ──SHIPPED──▶ SHIPPED ──DELIVERED──▶ DELIVERED
 *      │                            │                   │  ▲
 *      └──────── cancel ────────────┴──▶ CANCELLED      │  └──SHIPPED (re-delivery)──┐
 *                                                       └──DELIVERY_FAILED──▶ DELIVERY_FAILED
 * </pre>
 *
 * <p>Reports are matched against what is already recorded, so that redelivered, duplicated and
 * out-of-order reports are harmless:
 *
 * <ul>
 *   <li>a report of the status the shipment is in is a repeat: accepted, nothing changes;
 *   <li>a report of a status already recorded at or after the report's time is late: accepted,
 *       nothing changes (e.g. the first SHIPPED arriving after a DELIVERED that implied it);
 *   <li>DELIVERED or DELIVERY_FAILED before any SHIPPED records the implied SHIPPED first, at the
 *       report's time, so that every delivery follows a shipment in the history and the events;
 *   <li>after DELIVERY_FAILED, a SHIPPED dated after the failure is a re-delivery; one dated at or
 *       before it is the late report of the first departure;
 *   <li>after DELIVERED, a SHIPPED is late; a DELIVERY_FAILED at or before the delivery is a late
 *       report of an earlier attempt; one after the delivery is impossible;
 *   <li>a cancellation after the shipment left is refused and announced (cancel-refused);
 *   <li>nothing applies to a CANCELLED shipment; on export hold only EXPORT_CLEARED applies, and
 *       EXPORT_CLEARED is impossible for a shipment that never needed a certificate.
 * </ul>
 *
 * Instances are immutable; every change returns a new one together with its events.
 */
public record Shipment(
    String rmaNumber,
    String partnerId,
    String serialNumber,
    ServiceLevel serviceLevel,
    ShipmentStatus status,
    Origin origin,
    Address shipTo,
    boolean exportCertificateRequired,
    String carrier,
    String trackingNumber,
    Instant createdAt,
    Instant shippedAt,
    Instant deliveredAt,
    List<HistoryEntry> history,
    Instant authorizedAt) {

  public Shipment {
    Objects.requireNonNull(rmaNumber, "rmaNumber");
    Objects.requireNonNull(serviceLevel, "serviceLevel");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(shipTo, "shipTo");
    Objects.requireNonNull(createdAt, "createdAt");
    history = List.copyOf(history);
  }

  /** A new shipment and the events announcing it. */
  public record Creation(Shipment shipment, List<ShipmentEvent> events) {
    public Creation {
      events = List.copyOf(events);
    }
  }

  /**
   * Sets up the shipment for an authorized RMA (rules §5): origin by level, on export hold when the
   * parcel crosses a border into a country that needs an export certificate. The hold starts at the
   * authorization's time (the SLA clock pauses from then), not when dispatch happened to consume
   * it: the history's EXPORT_HOLD and {@code export-held} are dated {@code authorizedAt}; {@code
   * createdAt} and {@code created} are this service's time {@code now}.
   */
  public static Creation create(ShipmentOrder order, DispatchPolicy policy, Instant now) {
    Origin origin = policy.originFor(order.serviceLevel(), order.serviceCenterId());
    boolean exportRequired =
        policy.requiresExportCertificate(policy.countryOf(origin, order), order.shipTo().country());
    ShipmentStatus status = exportRequired ? ShipmentStatus.EXPORT_HOLD : ShipmentStatus.CREATED;
    Instant heldFrom = order.authorizedAt() != null ? order.authorizedAt() : now;
    Shipment shipment =
        new Shipment(
            order.rmaNumber(),
            order.partnerId(),
            order.serialNumber(),
            order.serviceLevel(),
            status,
            origin,
            order.shipTo(),
            exportRequired,
            null,
            null,
            now,
            null,
            null,
            List.of(new HistoryEntry(status, exportRequired ? heldFrom : now)),
            order.authorizedAt());
    List<ShipmentEvent> events = new ArrayList<>();
    events.add(
        new ShipmentEvent.Created(
            order.rmaNumber(),
            order.serviceLevel(),
            status,
            now,
            origin,
            order.shipTo(),
            exportRequired));
    if (exportRequired) {
      events.add(new ShipmentEvent.ExportHeld(order.rmaNumber(), order.serviceLevel(), heldFrom));
    }
    return new Creation(shipment, events);
  }

  /** Applies carrier progress reported by a logistics system. */
  public Transition report(CarrierReport report) {
    if (status == ShipmentStatus.CANCELLED) {
      return refuse(report.type(), "the shipment is cancelled");
    }
    if (report.type() == CarrierEventType.EXPORT_CLEARED) {
      return clearExport(report);
    }
    ShipmentStatus target = targetOf(report.type());
    if (status == target) {
      return new Transition.Unchanged(this, "repeat: the shipment is already " + target);
    }
    if (recorded(target, report.occurredAt())) {
      return new Transition.Unchanged(
          this,
          "late report: " + target + " is already recorded at or after " + report.occurredAt());
    }
    return switch (status) {
      case EXPORT_HOLD ->
          refuse(report.type(), "the shipment waits for its export certificate (EXPORT_CLEARED)");
      case CREATED ->
          switch (target) {
            case SHIPPED -> advance(report, ShipmentStatus.SHIPPED);
            default -> advance(report, ShipmentStatus.SHIPPED, target);
          };
      case SHIPPED -> advance(report, target);
      case DELIVERY_FAILED -> afterFailedDelivery(report, target);
      case DELIVERED -> afterDelivery(report, target);
      case CANCELLED -> refuse(report.type(), "the shipment is cancelled");
    };
  }

  /**
   * Cancels the shipment because its RMA was cancelled; only possible before it ships. Dispatch is
   * the authority on whether the parcel left: a cancellation that arrives after the shipment left
   * (SHIPPED, DELIVERY_FAILED, DELIVERED) is refused, the shipment goes on, and the refusal is
   * announced ({@link ShipmentEvent.CancelRefused}, dated at the cancellation) so that intake
   * reinstates the RMA.
   */
  public Transition cancel(Instant at) {
    return switch (status) {
      case CREATED, EXPORT_HOLD -> {
        List<HistoryEntry> entries = new ArrayList<>(history);
        entries.add(new HistoryEntry(ShipmentStatus.CANCELLED, at));
        Shipment cancelled =
            new Shipment(
                rmaNumber,
                partnerId,
                serialNumber,
                serviceLevel,
                ShipmentStatus.CANCELLED,
                origin,
                shipTo,
                exportCertificateRequired,
                carrier,
                trackingNumber,
                createdAt,
                shippedAt,
                deliveredAt,
                entries,
                authorizedAt);
        yield new Transition.Changed(
            cancelled, List.of(new ShipmentEvent.Cancelled(rmaNumber, serviceLevel, at)));
      }
      case CANCELLED -> new Transition.Unchanged(this, "repeat: the shipment is already CANCELLED");
      case SHIPPED, DELIVERY_FAILED, DELIVERED ->
          new Transition.Refused(
              this,
              "CANCEL",
              "the shipment has already left its origin (" + status + ")",
              List.of(
                  new ShipmentEvent.CancelRefused(
                      rmaNumber,
                      serviceLevel,
                      status,
                      at,
                      ShipmentEvent.CancelRefused.ALREADY_SHIPPED)));
    };
  }

  private Transition clearExport(CarrierReport report) {
    if (status == ShipmentStatus.EXPORT_HOLD) {
      List<HistoryEntry> entries = new ArrayList<>(history);
      entries.add(
          new HistoryEntry(ShipmentStatus.CREATED, report.occurredAt(), report.receivedAt()));
      Shipment cleared =
          new Shipment(
              rmaNumber,
              partnerId,
              serialNumber,
              serviceLevel,
              ShipmentStatus.CREATED,
              origin,
              shipTo,
              exportCertificateRequired,
              report.carrier() != null ? report.carrier() : carrier,
              report.trackingNumber() != null ? report.trackingNumber() : trackingNumber,
              createdAt,
              shippedAt,
              deliveredAt,
              entries,
              authorizedAt);
      return new Transition.Changed(
          cleared,
          List.of(new ShipmentEvent.ExportCleared(rmaNumber, serviceLevel, report.occurredAt())));
    }
    if (exportCertificateRequired) {
      return new Transition.Unchanged(this, "repeat: the export hold is already cleared");
    }
    return refuse(
        report.type(), "the shipment never needed an export certificate, so it was never held");
  }

  private Transition afterFailedDelivery(CarrierReport report, ShipmentStatus target) {
    if (target == ShipmentStatus.DELIVERED) {
      return advance(report, ShipmentStatus.SHIPPED, ShipmentStatus.DELIVERED);
    }
    Instant failedAt = history.get(history.size() - 1).at();
    if (!report.occurredAt().isAfter(failedAt)) {
      return new Transition.Unchanged(
          this, "late report: a shipment at or before the failed delivery at " + failedAt);
    }
    return advance(report, ShipmentStatus.SHIPPED);
  }

  private Transition afterDelivery(CarrierReport report, ShipmentStatus target) {
    if (target == ShipmentStatus.DELIVERY_FAILED
        && deliveredAt != null
        && report.occurredAt().isAfter(deliveredAt)) {
      return refuse(report.type(), "the shipment was delivered at " + deliveredAt);
    }
    return new Transition.Unchanged(
        this, "late report: the shipment was already delivered at " + deliveredAt);
  }

  /** Goes through the given statuses in order, each at the report's time, with one event each. */
  private Transition advance(CarrierReport report, ShipmentStatus... path) {
    String newCarrier = report.carrier() != null ? report.carrier() : carrier;
    String newTracking = report.trackingNumber() != null ? report.trackingNumber() : trackingNumber;
    Instant at = report.occurredAt();
    Instant newShippedAt = shippedAt;
    Instant newDeliveredAt = deliveredAt;
    List<HistoryEntry> entries = new ArrayList<>(history);
    List<ShipmentEvent> events = new ArrayList<>();
    for (ShipmentStatus step : path) {
      entries.add(new HistoryEntry(step, at, report.receivedAt()));
      switch (step) {
        case SHIPPED -> {
          // the first departure counts; a re-delivery is in the history and the events
          newShippedAt = newShippedAt == null ? at : newShippedAt;
          events.add(
              new ShipmentEvent.Shipped(rmaNumber, serviceLevel, at, newCarrier, newTracking));
        }
        case DELIVERED -> {
          newDeliveredAt = at;
          events.add(
              new ShipmentEvent.Delivered(rmaNumber, serviceLevel, at, newCarrier, newTracking));
        }
        case DELIVERY_FAILED ->
            events.add(
                new ShipmentEvent.DeliveryFailed(
                    rmaNumber, serviceLevel, at, newCarrier, newTracking));
        default -> throw new IllegalStateException("not a carrier step: " + step);
      }
    }
    Shipment next =
        new Shipment(
            rmaNumber,
            partnerId,
            serialNumber,
            serviceLevel,
            path[path.length - 1],
            origin,
            shipTo,
            exportCertificateRequired,
            newCarrier,
            newTracking,
            createdAt,
            newShippedAt,
            newDeliveredAt,
            entries,
            authorizedAt);
    return new Transition.Changed(next, events);
  }

  private boolean recorded(ShipmentStatus target, Instant occurredAt) {
    return history.stream().anyMatch(e -> e.status() == target && !e.at().isBefore(occurredAt));
  }

  private Transition refuse(CarrierEventType attempted, String why) {
    return new Transition.Refused(this, attempted.name(), why);
  }

  private static ShipmentStatus targetOf(CarrierEventType type) {
    return switch (type) {
      case SHIPPED -> ShipmentStatus.SHIPPED;
      case DELIVERED -> ShipmentStatus.DELIVERED;
      case DELIVERY_FAILED -> ShipmentStatus.DELIVERY_FAILED;
      case EXPORT_CLEARED -> ShipmentStatus.CREATED;
    };
  }
}
