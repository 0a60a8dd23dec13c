package com.acme.rma.intake.adapters.kafka;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.acme.rma.contract.AsyncApi;
import com.acme.rma.contract.ContractSchemas;
import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Goldens;
import com.acme.rma.contract.Topics;
import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.Inbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * rma-intake's side of the event contract, through the contract's Maven artifact: every golden
 * event of a type it consumes, and the least its producer may send (only the members the schema
 * requires), pass the service's own reading and validation (the kit's {@code Inbox.read} into the
 * listener's record). A golden or schema change that would break this consumer fails here. The
 * AsyncAPI document says which types the service receives, and the service serves it. (What it
 * publishes is checked against the schemas where its tests read the outbox or the topic.)
 */
@QuarkusTest
class EventContractTest {

  /** Each consumed type and the record its listener reads it into. */
  static final Map<String, Class<?>> READERS = new LinkedHashMap<>();

  static {
    READERS.put(EventTypes.SHIPMENT_SHIPPED, ShipmentEventsListener.ShipmentEvent.class);
    READERS.put(EventTypes.SHIPMENT_DELIVERED, ShipmentEventsListener.ShipmentEvent.class);
    READERS.put(EventTypes.SLA_DEADLINE_CHANGED, SlaClockEventsListener.DeadlineChanged.class);
    READERS.put(EventTypes.SLA_CALENDAR_CHANGED, SlaCalendarEventsListener.CalendarChanged.class);
  }

  /**
   * What the timeline projection reads besides (it maps every golden: {@code TimelineMappingTest}).
   */
  static final Set<String> TIMELINE =
      Set.of(
          EventTypes.RMA_AUTHORIZED,
          EventTypes.RMA_CANCELLED,
          EventTypes.RMA_REINSTATED,
          EventTypes.RMA_CLOSED,
          EventTypes.SHIPMENT_CREATED,
          EventTypes.SHIPMENT_EXPORT_HELD,
          EventTypes.SHIPMENT_EXPORT_CLEARED,
          EventTypes.SHIPMENT_SHIPPED,
          EventTypes.SHIPMENT_DELIVERED,
          EventTypes.SHIPMENT_DELIVERY_FAILED,
          EventTypes.SHIPMENT_CANCELLED,
          EventTypes.SHIPMENT_CANCEL_REFUSED,
          EventTypes.SLA_AT_RISK,
          EventTypes.SLA_BREACHED,
          EventTypes.SLA_MET,
          EventTypes.SLA_DEADLINE_CHANGED);

  @Inject Inbox inbox;

  @Test
  void theDocumentNamesTheTypesThisServiceReads() {
    TreeSet<String> read = new TreeSet<>(READERS.keySet());
    read.addAll(TIMELINE);
    assertEquals(AsyncApi.typesReceivedBy("rma-intake"), read);
  }

  @Test
  void everyConsumedGoldenIsValidAndReadable() {
    READERS.forEach(
        (type, reader) -> {
          String golden = Goldens.json(type);
          assertEquals(List.of(), ContractSchemas.validate(type, golden), type);
          assertNotNull(inbox.read(event(type, golden), reader), type);
        });
  }

  @Test
  void theGoldensOfWhatThisServicePublishesAreValid() {
    for (String topic : List.of(Topics.ENTITLEMENTS, Topics.LIFECYCLE)) {
      for (String type : EventTypes.on(topic)) {
        assertEquals(List.of(), ContractSchemas.validate(type, Goldens.json(type)), type);
      }
    }
  }

  @Test
  void theLeastAProducerMaySendIsReadable() {
    READERS.forEach(
        (type, reader) ->
            assertNotNull(inbox.read(event(type, Goldens.minimal(type).toString()), reader), type));
  }

  @Test
  void servesTheAsyncApiDocumentWithoutAToken() {
    given().get("/q/asyncapi").then().statusCode(200).contentType(startsWith("application/yaml"));
    given()
        .queryParam("format", "json")
        .get("/q/asyncapi")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"));
  }

  private static InboundEvent event(String type, String data) {
    return new InboundEvent(
        UUID.randomUUID().toString(),
        "/contract-test",
        type,
        Instant.parse("2026-05-01T00:00:00Z"),
        "key",
        data);
  }
}
