package com.acme.rma.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** CloudEvents 1.0 on Kafka in both content modes: binary (headers) and structured (JSON body). */
class InboundEventTest {

  private static final String DATA = "{\"rmaNumber\":\"RMA-1\",\"type\":\"SHIPPED\"}";

  private static ConsumerRecord<String, String> record(String value, Map<String, String> headers) {
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>("logistics.carrier-events", 0, 0L, "RMA-1", value);
    headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
    return record;
  }

  private static ConsumerRecord<String, String> structured(String json) {
    return record(json, Map.of("content-type", "application/cloudevents+json; charset=UTF-8"));
  }

  @Test
  void aBinaryModeEventHasItsAttributesInTheHeadersAndItsDataAsTheValue() {
    InboundEvent event =
        InboundEvent.of(
            record(
                DATA,
                Map.of(
                    "ce_specversion", "1.0",
                    "ce_id", "id-1",
                    "ce_source", "/carrier",
                    "ce_type", "logistics.carrier.status.v1",
                    "ce_time", "2026-05-01T12:00:00+09:00",
                    "content-type", "application/json")));

    assertEquals(
        new InboundEvent(
            "id-1",
            "/carrier",
            "logistics.carrier.status.v1",
            Instant.parse("2026-05-01T03:00:00Z"),
            "RMA-1",
            DATA),
        event);
  }

  @Test
  void aStructuredModeEventHasItsAttributesAndItsDataInTheJsonBody() {
    InboundEvent event =
        InboundEvent.of(
            structured(
                """
                {"specversion": "1.0", "id": "id-2", "source": "/carrier",
                 "type": "logistics.carrier.status.v1", "time": "2026-05-01T12:00:00+09:00",
                 "datacontenttype": "application/json",
                 "data": {"rmaNumber": "RMA-1", "type": "SHIPPED"}}
                """));

    assertEquals("id-2", event.id());
    assertEquals("/carrier", event.source());
    assertEquals("logistics.carrier.status.v1", event.type());
    assertEquals(Instant.parse("2026-05-01T03:00:00Z"), event.time());
    assertEquals("RMA-1", event.key());
    assertEquals(DATA, event.data());
  }

  @Test
  void aStructuredEventMayCarryItsDataInBase64AndOmitItsTime() {
    String base64 = Base64.getEncoder().encodeToString(DATA.getBytes(StandardCharsets.UTF_8));
    InboundEvent event =
        InboundEvent.of(
            structured(
                "{\"specversion\":\"1.0\",\"id\":\"id-3\",\"source\":\"/c\",\"type\":\"t\","
                    + "\"data_base64\":\""
                    + base64
                    + "\"}"));

    assertEquals(DATA, event.data());
    assertNull(event.time());
  }

  @Test
  void aStructuredEventWithoutARequiredAttributeIsPoison() {
    for (String missing : new String[] {"specversion", "id", "source", "type"}) {
      StringBuilder json = new StringBuilder("{");
      Map.of("specversion", "1.0", "id", "id-4", "source", "/c", "type", "t")
          .forEach(
              (k, v) -> {
                if (!k.equals(missing)) {
                  json.append('"').append(k).append("\":\"").append(v).append("\",");
                }
              });
      json.append("\"data\":{}}");
      PoisonEventException e =
          assertThrows(
              PoisonEventException.class, () -> InboundEvent.of(structured(json.toString())));
      assertTrue(e.getMessage().contains(missing), e.getMessage());
    }
  }

  @Test
  void aStructuredEventThatIsNotAJsonObjectOrHasNoDataIsPoison() {
    assertThrows(PoisonEventException.class, () -> InboundEvent.of(structured("not json")));
    assertThrows(PoisonEventException.class, () -> InboundEvent.of(structured("[1, 2]")));
    assertThrows(
        PoisonEventException.class,
        () ->
            InboundEvent.of(
                structured(
                    "{\"specversion\":\"1.0\",\"id\":\"i\",\"source\":\"/c\",\"type\":\"t\"}")));
    assertThrows(
        PoisonEventException.class,
        () ->
            InboundEvent.of(
                structured(
                    "{\"specversion\":\"0.3\",\"id\":\"i\",\"source\":\"/c\",\"type\":\"t\","
                        + "\"data\":{}}")));
    assertThrows(
        PoisonEventException.class,
        () ->
            InboundEvent.of(
                structured(
                    "{\"specversion\":\"1.0\",\"id\":\"i\",\"source\":\"/c\",\"type\":\"t\","
                        + "\"time\":\"yesterday\",\"data\":{}}")));
  }

  @Test
  void aStructuredEventInAnotherFormatThanJsonIsPoison() {
    ConsumerRecord<String, String> avro =
        record("{}", Map.of("content-type", "application/cloudevents+avro"));
    PoisonEventException e = assertThrows(PoisonEventException.class, () -> InboundEvent.of(avro));
    assertTrue(e.getMessage().contains("application/cloudevents+avro"), e.getMessage());
  }

  @Test
  void aBinaryEventWithoutItsIdHeaderIsStillPoison() {
    ConsumerRecord<String, String> record =
        record(DATA, Map.of("ce_source", "/c", "ce_type", "t", "content-type", "application/json"));
    assertThrows(PoisonEventException.class, () -> InboundEvent.of(record));
  }
}
