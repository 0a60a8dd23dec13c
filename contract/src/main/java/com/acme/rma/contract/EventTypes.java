package com.acme.rma.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every CloudEvent type ({@code ce_type}) of the contract, named once, with the topic it travels
 * on. Each has a JSON Schema ({@code contract/schemas/<type>.schema.json}), a golden example
 * ({@code contract/events/<type>.json}) and a message in {@code contract/asyncapi.yaml}.
 */
public final class EventTypes {

  // rma.entitlements (rma-intake)
  public static final String ENTITLEMENT_CHANGED = "rma.entitlement.changed.v1";

  // rma.lifecycle (rma-intake)
  public static final String RMA_AUTHORIZED = "rma.authorized.v1";
  public static final String RMA_CANCELLED = "rma.cancelled.v1";
  public static final String RMA_REINSTATED = "rma.reinstated.v1";
  public static final String RMA_CLOSED = "rma.closed.v1";
  public static final String RMA_RESERVATION_ABANDONED = "rma.reservation.abandoned.v1";

  // registry.sites (address-registry)
  public static final String SITE_CHANGED = "registry.site.changed.v1";

  // dispatch.shipments (rma-dispatch)
  public static final String SHIPMENT_CREATED = "dispatch.shipment.created.v1";
  public static final String SHIPMENT_EXPORT_HELD = "dispatch.shipment.export-held.v1";
  public static final String SHIPMENT_EXPORT_CLEARED = "dispatch.shipment.export-cleared.v1";
  public static final String SHIPMENT_SHIPPED = "dispatch.shipment.shipped.v1";
  public static final String SHIPMENT_DELIVERED = "dispatch.shipment.delivered.v1";
  public static final String SHIPMENT_DELIVERY_FAILED = "dispatch.shipment.delivery-failed.v1";
  public static final String SHIPMENT_CANCELLED = "dispatch.shipment.cancelled.v1";
  public static final String SHIPMENT_CANCEL_REFUSED = "dispatch.shipment.cancel-refused.v1";

  // logistics.carrier-events (logistics systems)
  public static final String CARRIER_STATUS = "logistics.carrier.status.v1";

  // sla.alerts (sla-monitor)
  public static final String SLA_AT_RISK = "sla.at-risk.v1";
  public static final String SLA_BREACHED = "sla.breached.v1";
  public static final String SLA_MET = "sla.met.v1";

  // sla.clocks (sla-monitor)
  public static final String SLA_DEADLINE_CHANGED = "sla.deadline-changed.v1";

  // sla.calendars (sla-monitor)
  public static final String SLA_CALENDAR_CHANGED = "sla.calendar-changed.v1";

  private static final Map<String, String> TOPIC_OF = new LinkedHashMap<>();

  static {
    travel(Topics.ENTITLEMENTS, ENTITLEMENT_CHANGED);
    travel(
        Topics.LIFECYCLE,
        RMA_AUTHORIZED,
        RMA_CANCELLED,
        RMA_REINSTATED,
        RMA_CLOSED,
        RMA_RESERVATION_ABANDONED);
    travel(Topics.SITES, SITE_CHANGED);
    travel(
        Topics.SHIPMENTS,
        SHIPMENT_CREATED,
        SHIPMENT_EXPORT_HELD,
        SHIPMENT_EXPORT_CLEARED,
        SHIPMENT_SHIPPED,
        SHIPMENT_DELIVERED,
        SHIPMENT_DELIVERY_FAILED,
        SHIPMENT_CANCELLED,
        SHIPMENT_CANCEL_REFUSED);
    travel(Topics.CARRIER_EVENTS, CARRIER_STATUS);
    travel(Topics.SLA_ALERTS, SLA_AT_RISK, SLA_BREACHED, SLA_MET);
    travel(Topics.SLA_CLOCKS, SLA_DEADLINE_CHANGED);
    travel(Topics.SLA_CALENDARS, SLA_CALENDAR_CHANGED);
  }

  /** Every type, grouped by topic in the contract's order. */
  public static final List<String> ALL = List.copyOf(TOPIC_OF.keySet());

  private EventTypes() {}

  private static void travel(String topic, String... types) {
    for (String type : types) {
      TOPIC_OF.put(type, topic);
    }
  }

  /** The topic events of this type travel on. */
  public static String topicOf(String type) {
    String topic = TOPIC_OF.get(type);
    if (topic == null) {
      throw new IllegalArgumentException("no event type " + type + " in the contract");
    }
    return topic;
  }

  /** The types that travel on this topic. */
  public static List<String> on(String topic) {
    return TOPIC_OF.entrySet().stream()
        .filter(e -> e.getValue().equals(topic))
        .map(Map.Entry::getKey)
        .toList();
  }
}
