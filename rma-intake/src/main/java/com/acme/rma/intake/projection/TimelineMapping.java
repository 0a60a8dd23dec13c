package com.acme.rma.intake.projection;

import static com.acme.rma.intake.projection.TimelineTypes.*;

import com.acme.rma.contract.EventTypes;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * From one CloudEvent of the contract to the timeline entries it gives (none for events that are
 * not about one RMA's steps). Pure: the same event gives the same entries, live or in a rebuild.
 */
public final class TimelineMapping {

  /** A consumed CloudEvent with where it was read from (ops-only details). */
  public record SourceEvent(
      String id,
      String source,
      String type,
      String topic,
      int partition,
      long offset,
      JsonNode data) {}

  private TimelineMapping() {}

  /**
   * The entries of this event; {@code lockHeld} tells whether the RMA's registered address is
   * locked for it so far (its timeline has more {@code address.locked} than {@code
   * address.released}).
   */
  public static List<TimelineEntry> entries(
      SourceEvent event, Instant recordedAt, Predicate<String> lockHeld) {
    JsonNode d = event.data();
    String rma = text(d, "rmaNumber");
    if (rma == null) {
      return List.of();
    }
    Builder b = new Builder(event, rma, recordedAt);
    switch (event.type()) {
      case EventTypes.RMA_AUTHORIZED -> authorized(b, d);
      case EventTypes.RMA_CANCELLED -> {
        b.add(CANCELLED, time(d, "at"), "RMA cancelled", Map.of());
        released(b, d, lockHeld.test(rma));
      }
      case EventTypes.RMA_CLOSED -> {
        b.add(CLOSED, time(d, "at"), "RMA closed", Map.of());
        released(b, d, lockHeld.test(rma));
      }
      case EventTypes.RMA_REINSTATED -> {
        Instant at = time(d, "at");
        b.add(
            REINSTATED,
            at,
            "RMA reinstated: " + text(d, "reason"),
            details("reason", text(d, "reason")));
        if (text(d, "serviceCenterId") != null && d.hasNonNull("addressVersion")) {
          b.add(
              ADDRESS_LOCKED,
              at,
              "Registered address locked again (version " + d.get("addressVersion").asInt() + ")",
              details(
                  "serialNumber",
                  text(d, "serialNumber"),
                  "addressVersion",
                  d.get("addressVersion").asInt()));
        }
      }
      case EventTypes.SHIPMENT_CREATED -> {
        JsonNode origin = d.path("origin");
        Map<String, Object> details =
            details(
                "serviceLevel",
                text(d, "serviceLevel"),
                "origin",
                Map.of("type", origin.path("type").asText(""), "id", origin.path("id").asText("")),
                "exportCertificateRequired",
                d.path("exportCertificateRequired").asBoolean(false),
                "shipTo",
                d.get("shipTo"));
        b.add(
            SHIPMENT_CREATED,
            time(d, "occurredAt"),
            "Shipment created from "
                + origin.path("type").asText("?")
                + " "
                + origin.path("id").asText("?"),
            details);
      }
      case EventTypes.SHIPMENT_EXPORT_HELD ->
          b.add(
              EXPORT_HELD,
              time(d, "occurredAt"),
              "Shipment held for export clearance",
              details("status", text(d, "status")));
      case EventTypes.SHIPMENT_EXPORT_CLEARED ->
          b.add(
              EXPORT_CLEARED,
              time(d, "occurredAt"),
              "Export cleared",
              details("status", text(d, "status")));
      case EventTypes.SHIPMENT_SHIPPED -> parcel(b, d, SHIPPED, "Shipped");
      case EventTypes.SHIPMENT_DELIVERY_FAILED -> parcel(b, d, DELIVERY_FAILED, "Delivery failed");
      case EventTypes.SHIPMENT_DELIVERED -> parcel(b, d, DELIVERED, "Delivered");
      case EventTypes.SHIPMENT_CANCELLED ->
          b.add(
              SHIPMENT_CANCELLED,
              time(d, "occurredAt"),
              "Shipment cancelled",
              details("status", text(d, "status")));
      case EventTypes.SHIPMENT_CANCEL_REFUSED ->
          b.add(
              CANCEL_REFUSED,
              time(d, "occurredAt"),
              "Cancel refused: " + text(d, "reason"),
              details("status", text(d, "status"), "reason", text(d, "reason")));
      case EventTypes.SLA_DEADLINE_CHANGED ->
          b.add(
              SLA_DEADLINE_CHANGED,
              time(d, "occurredAt"),
              "SLA deadline now " + text(d, "dueAt") + " (" + text(d, "reason") + ")",
              details(
                  "target", text(d, "target"),
                  "dueAt", text(d, "dueAt"),
                  "previousDueAt", text(d, "previousDueAt"),
                  "reason", text(d, "reason"),
                  "state", text(d, "state"),
                  "calendar", text(d, "calendar"),
                  "pausedAt", text(d, "pausedAt")));
      case EventTypes.SLA_AT_RISK -> sla(b, d, SLA_AT_RISK, "SLA at risk: due " + text(d, "dueAt"));
      case EventTypes.SLA_BREACHED ->
          sla(b, d, SLA_BREACHED, "SLA breached: was due " + text(d, "dueAt"));
      case EventTypes.SLA_MET -> sla(b, d, SLA_MET, met(d));
      default -> {
        // entitlements, sites, carrier reports, abandoned reservations: not a step of an RMA
      }
    }
    return b.entries;
  }

  private static void authorized(Builder b, JsonNode d) {
    Instant authorizedAt = time(d, "authorizedAt");
    Instant requestedAt = d.hasNonNull("requestedAt") ? time(d, "requestedAt") : authorizedAt;
    String requested = text(d, "requestedLevel");
    String level = text(d, "serviceLevel");
    String downgrade = text(d, "downgradeReason");
    b.add(
        REQUESTED,
        requestedAt,
        "Replacement " + text(d, "component") + " requested for " + text(d, "serialNumber"),
        details(
            "serialNumber", text(d, "serialNumber"),
            "component", text(d, "component"),
            "requestedLevel", requested,
            "partnerId", text(d, "partnerId"),
            "shipTo", d.get("shipTo")));
    b.add(
        ENTITLEMENT_DECIDED,
        requestedAt,
        downgrade == null
            ? "Entitled to " + level
            : "Entitled to " + level + " instead of " + requested + " (" + downgrade + ")",
        details("requestedLevel", requested, "serviceLevel", level, "downgradeReason", downgrade));
    if (d.hasNonNull("addressVersion") && text(d, "serviceCenterId") != null) {
      int version = d.get("addressVersion").asInt();
      b.add(
          ADDRESS_LOCKED,
          requestedAt,
          "Registered address locked (version " + version + ")",
          details("serialNumber", text(d, "serialNumber"), "addressVersion", version));
    }
    if (requestedAt.isBefore(authorizedAt)) {
      b.add(QUEUED, requestedAt, "Queued until support hours open", details("serviceLevel", level));
    }
    b.add(
        ISSUED,
        authorizedAt,
        "RMA issued at " + level,
        details("serviceLevel", level, "serviceCenterId", text(d, "serviceCenterId")));
    JsonNode sla = d.path("sla");
    if (sla.isObject()) {
      b.add(
          SLA_STARTED,
          authorizedAt,
          "SLA started: " + sla.path("target").asText() + " due " + sla.path("dueAt").asText(),
          details("target", sla.path("target").asText(), "dueAt", sla.path("dueAt").asText()));
    }
  }

  private static void released(Builder b, JsonNode d, boolean lockHeld) {
    if (lockHeld) {
      b.add(
          ADDRESS_RELEASED,
          time(d, "at"),
          "Registered address released",
          details("serialNumber", text(d, "serialNumber")));
    }
  }

  private static void parcel(Builder b, JsonNode d, String type, String what) {
    String carrier = text(d, "carrier");
    String tracking = text(d, "trackingNumber");
    b.add(
        type,
        time(d, "occurredAt"),
        carrier == null ? what : what + " by " + carrier + " (" + tracking + ")",
        details("carrier", carrier, "trackingNumber", tracking, "status", text(d, "status")));
  }

  private static void sla(Builder b, JsonNode d, String type, String summary) {
    b.add(
        type,
        time(d, "occurredAt"),
        summary,
        details(
            "target", text(d, "target"),
            "dueAt", text(d, "dueAt"),
            "startedAt", text(d, "startedAt"),
            "lateBySeconds", d.hasNonNull("lateBySeconds") ? d.get("lateBySeconds").asLong() : null,
            "correctsBreach", d.has("correctsBreach") ? d.get("correctsBreach").asBoolean() : null,
            "serviceLevel", text(d, "serviceLevel")));
  }

  private static String met(JsonNode d) {
    String summary = "SLA met (due " + text(d, "dueAt") + ")";
    if (d.hasNonNull("lateBySeconds") && d.get("lateBySeconds").asLong() > 0) {
      summary += ", " + d.get("lateBySeconds").asLong() + " s late";
    }
    return summary;
  }

  private static Map<String, Object> details(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        map.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return map;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant time(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      throw new IllegalArgumentException("the event has no " + field);
    }
    return OffsetDateTime.parse(value).toInstant();
  }

  private static final class Builder {
    private final SourceEvent event;
    private final String rmaNumber;
    private final Instant recordedAt;
    private final List<TimelineEntry> entries = new ArrayList<>();

    Builder(SourceEvent event, String rmaNumber, Instant recordedAt) {
      this.event = event;
      this.rmaNumber = rmaNumber;
      this.recordedAt = recordedAt;
    }

    void add(String type, Instant at, String summary, Map<String, Object> details) {
      Map<String, Object> all = new LinkedHashMap<>(details);
      all.put("eventId", event.id());
      all.put("eventType", event.type());
      all.put("topic", event.topic());
      all.put("partition", event.partition());
      all.put("offset", event.offset());
      entries.add(
          new TimelineEntry(
              rmaNumber,
              event.source(),
              event.id(),
              entries.size(),
              type,
              event.source().startsWith("/") ? event.source().substring(1) : event.source(),
              at,
              recordedAt,
              summary,
              all));
    }
  }
}
