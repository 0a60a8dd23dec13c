package com.acme.rma.intake.projection;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The types of timeline entries (what webhooks subscribe to), each with the detail keys a partner
 * may see; every other detail (the CloudEvent's id, type, topic, partition and offset, the partner
 * id, the ship-to address, the SLA calendar) is for ops only.
 */
public final class TimelineTypes {

  public static final String REQUESTED = "rma.requested";
  public static final String ENTITLEMENT_DECIDED = "rma.entitlement-decided";
  public static final String QUEUED = "rma.queued";
  public static final String ISSUED = "rma.issued";
  public static final String ADDRESS_LOCKED = "address.locked";
  public static final String ADDRESS_RELEASED = "address.released";
  public static final String SLA_STARTED = "sla.started";
  public static final String SHIPMENT_CREATED = "shipment.created";
  public static final String EXPORT_HELD = "shipment.export-held";
  public static final String EXPORT_CLEARED = "shipment.export-cleared";
  public static final String SHIPPED = "shipment.shipped";
  public static final String DELIVERY_FAILED = "shipment.delivery-failed";
  public static final String DELIVERED = "shipment.delivered";
  public static final String SHIPMENT_CANCELLED = "shipment.cancelled";
  public static final String CANCEL_REFUSED = "shipment.cancel-refused";
  public static final String SLA_DEADLINE_CHANGED = "sla.deadline-changed";
  public static final String SLA_AT_RISK = "sla.at-risk";
  public static final String SLA_BREACHED = "sla.breached";
  public static final String SLA_MET = "sla.met";
  public static final String CANCELLED = "rma.cancelled";
  public static final String REINSTATED = "rma.reinstated";
  public static final String CLOSED = "rma.closed";

  /** Per type, the detail keys partners see. */
  private static final Map<String, Set<String>> PARTNER_KEYS =
      Map.ofEntries(
          Map.entry(REQUESTED, Set.of("serialNumber", "component", "requestedLevel")),
          Map.entry(
              ENTITLEMENT_DECIDED, Set.of("requestedLevel", "serviceLevel", "downgradeReason")),
          Map.entry(QUEUED, Set.of("serviceLevel")),
          Map.entry(ISSUED, Set.of("serviceLevel", "serviceCenterId")),
          Map.entry(ADDRESS_LOCKED, Set.of("serialNumber", "addressVersion")),
          Map.entry(ADDRESS_RELEASED, Set.of("serialNumber")),
          Map.entry(SLA_STARTED, Set.of("target", "dueAt")),
          Map.entry(
              SHIPMENT_CREATED, Set.of("serviceLevel", "origin", "exportCertificateRequired")),
          Map.entry(EXPORT_HELD, Set.of("status")),
          Map.entry(EXPORT_CLEARED, Set.of("status")),
          Map.entry(SHIPPED, Set.of("carrier", "trackingNumber")),
          Map.entry(DELIVERY_FAILED, Set.of("carrier", "trackingNumber")),
          Map.entry(DELIVERED, Set.of("carrier", "trackingNumber")),
          Map.entry(SHIPMENT_CANCELLED, Set.of("status")),
          Map.entry(CANCEL_REFUSED, Set.of("status", "reason")),
          Map.entry(SLA_DEADLINE_CHANGED, Set.of("target", "dueAt", "previousDueAt", "reason")),
          Map.entry(SLA_AT_RISK, Set.of("target", "dueAt")),
          Map.entry(SLA_BREACHED, Set.of("target", "dueAt", "lateBySeconds")),
          Map.entry(SLA_MET, Set.of("target", "dueAt", "lateBySeconds", "correctsBreach")),
          Map.entry(CANCELLED, Set.of()),
          Map.entry(REINSTATED, Set.of("reason")),
          Map.entry(CLOSED, Set.of()));

  /** Every type, in the order an RMA usually goes through them. */
  public static final List<String> ALL =
      List.of(
          REQUESTED,
          ENTITLEMENT_DECIDED,
          QUEUED,
          ISSUED,
          ADDRESS_LOCKED,
          SLA_STARTED,
          SHIPMENT_CREATED,
          EXPORT_HELD,
          EXPORT_CLEARED,
          SLA_DEADLINE_CHANGED,
          SHIPPED,
          DELIVERY_FAILED,
          DELIVERED,
          SLA_AT_RISK,
          SLA_BREACHED,
          SLA_MET,
          CANCELLED,
          SHIPMENT_CANCELLED,
          CANCEL_REFUSED,
          REINSTATED,
          CLOSED,
          ADDRESS_RELEASED);

  private TimelineTypes() {}

  public static boolean exists(String type) {
    return PARTNER_KEYS.containsKey(type);
  }

  public static Set<String> partnerKeys(String type) {
    return PARTNER_KEYS.getOrDefault(type, Set.of());
  }
}
