package com.acme.rma.intake.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Goldens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every event of the contract (its golden) to timeline entries, without a broker. */
class TimelineMappingTest {

  private static final Instant RECORDED = Instant.parse("2026-05-01T06:00:00Z");

  private static List<TimelineEntry> map(String type, ObjectNode data, boolean lockHeld) {
    return TimelineMapping.entries(
        new TimelineMapping.SourceEvent(
            "id-1", "/" + source(type), type, EventTypes.topicOf(type), 3, 42, data),
        RECORDED,
        rma -> lockHeld);
  }

  private static String source(String type) {
    return type.startsWith("rma.")
        ? "rma-intake"
        : type.startsWith("sla.") ? "sla-monitor" : "rma-dispatch";
  }

  private static List<String> types(List<TimelineEntry> entries) {
    return entries.stream().map(TimelineEntry::type).toList();
  }

  @Test
  void aGoldPlusAuthorizationIsRequestDecisionLockIssueAndSlaStart() {
    List<TimelineEntry> entries =
        map(EventTypes.RMA_AUTHORIZED, Goldens.node(EventTypes.RMA_AUTHORIZED), false);
    assertEquals(
        List.of(
            TimelineTypes.REQUESTED,
            TimelineTypes.ENTITLEMENT_DECIDED,
            TimelineTypes.ADDRESS_LOCKED,
            TimelineTypes.ISSUED,
            TimelineTypes.SLA_STARTED),
        types(entries));
    TimelineEntry decision = entries.get(1);
    assertEquals("GOLD_PLUS", decision.details().get("serviceLevel"));
    assertEquals(3, entries.get(2).details().get("addressVersion"));
    assertEquals("2026-05-01T05:00:00Z", entries.get(4).details().get("dueAt"));
    assertEquals("rma-intake", decision.source());
    assertEquals(RECORDED, decision.recordedAt());
    assertEquals(List.of(0, 1, 2, 3, 4), entries.stream().map(TimelineEntry::part).toList());
  }

  @Test
  void aQueuedDowngradedRequestShowsTheReasonAndTheQueue() {
    ObjectNode event = Goldens.node(EventTypes.RMA_AUTHORIZED);
    event.put("requestedAt", "2026-05-01T12:00:00Z");
    event.put("authorizedAt", "2026-05-02T00:30:00Z");
    event.put("serviceLevel", "GOLD");
    event.put("downgradeReason", "OUT_OF_SERVICE_AREA");
    event.putNull("serviceCenterId");
    event.putNull("addressVersion");
    List<TimelineEntry> entries = map(EventTypes.RMA_AUTHORIZED, event, false);
    assertEquals(
        List.of(
            TimelineTypes.REQUESTED,
            TimelineTypes.ENTITLEMENT_DECIDED,
            TimelineTypes.QUEUED,
            TimelineTypes.ISSUED,
            TimelineTypes.SLA_STARTED),
        types(entries));
    assertEquals(
        "Entitled to GOLD instead of GOLD_PLUS (OUT_OF_SERVICE_AREA)", entries.get(1).summary());
    assertEquals(Instant.parse("2026-05-01T12:00:00Z"), entries.get(2).at());
    assertEquals(Instant.parse("2026-05-02T00:30:00Z"), entries.get(3).at());
  }

  @Test
  void closingReleasesTheLockOnlyWhenOneIsHeld() {
    ObjectNode closed = Goldens.node(EventTypes.RMA_CLOSED);
    assertEquals(
        List.of(TimelineTypes.CLOSED, TimelineTypes.ADDRESS_RELEASED),
        types(map(EventTypes.RMA_CLOSED, closed, true)));
    assertEquals(List.of(TimelineTypes.CLOSED), types(map(EventTypes.RMA_CLOSED, closed, false)));
  }

  @Test
  void shipmentsCarryOriginCarrierAndTracking() {
    TimelineEntry created =
        map(EventTypes.SHIPMENT_CREATED, Goldens.node(EventTypes.SHIPMENT_CREATED), false).get(0);
    assertEquals("Shipment created from SERVICE_CENTER SC-TYO-1", created.summary());
    assertEquals(
        Map.of("type", "SERVICE_CENTER", "id", "SC-TYO-1"), created.details().get("origin"));
    TimelineEntry shipped =
        map(EventTypes.SHIPMENT_SHIPPED, Goldens.node(EventTypes.SHIPMENT_SHIPPED), false).get(0);
    assertEquals(TimelineTypes.SHIPPED, shipped.type());
    assertEquals(Instant.parse("2026-05-01T03:00:00Z"), shipped.at());
    assertEquals("Yamato Transport", shipped.details().get("carrier"));
    assertEquals("4901-2345-6789", shipped.details().get("trackingNumber"));
    assertEquals("rma-dispatch", shipped.source());
  }

  @Test
  void everyEventAboutAnRmaGivesAnEntryOfAKnownType() {
    for (String type : EventTypes.ALL) {
      List<TimelineEntry> entries = map(type, Goldens.node(type), true);
      boolean aboutAnRmaStep =
          !type.equals(EventTypes.ENTITLEMENT_CHANGED)
              && !type.equals(EventTypes.SITE_CHANGED)
              && !type.equals(EventTypes.CARRIER_STATUS)
              && !type.equals(EventTypes.RMA_RESERVATION_ABANDONED)
              && !type.equals(EventTypes.SLA_CALENDAR_CHANGED); // about a calendar
      assertEquals(aboutAnRmaStep, !entries.isEmpty(), type);
      entries.forEach(e -> assertTrue(TimelineTypes.exists(e.type()), e.type()));
    }
  }

  @Test
  void partnersSeeOnlyTheAllowedDetails() {
    TimelineEntry requested =
        map(EventTypes.RMA_AUTHORIZED, Goldens.node(EventTypes.RMA_AUTHORIZED), false).get(0);
    assertTrue(requested.details().containsKey("eventId"));
    assertTrue(requested.details().containsKey("offset"));
    assertTrue(requested.details().containsKey("shipTo"));
    TimelineEntry forPartner = requested.forPartner();
    assertEquals(
        Map.of(
            "serialNumber",
            "NSX-GP-0001",
            "component",
            "POWER_SUPPLY",
            "requestedLevel",
            "GOLD_PLUS"),
        forPartner.details());
    TimelineEntry deadline =
        map(EventTypes.SLA_DEADLINE_CHANGED, Goldens.node(EventTypes.SLA_DEADLINE_CHANGED), false)
            .get(0)
            .forPartner();
    assertFalse(deadline.details().containsKey("calendar"));
    assertEquals("EXPORT_CLEARED", deadline.details().get("reason"));
  }

  @Test
  void theWebhookEventIdIsTheSameForTheSameEventAndPart() {
    TimelineEntry a = map(EventTypes.RMA_CLOSED, Goldens.node(EventTypes.RMA_CLOSED), true).get(0);
    TimelineEntry b = map(EventTypes.RMA_CLOSED, Goldens.node(EventTypes.RMA_CLOSED), true).get(0);
    TimelineEntry released =
        map(EventTypes.RMA_CLOSED, Goldens.node(EventTypes.RMA_CLOSED), true).get(1);
    assertEquals(a.webhookEventId(), b.webhookEventId());
    assertFalse(a.webhookEventId().equals(released.webhookEventId()));
  }
}
