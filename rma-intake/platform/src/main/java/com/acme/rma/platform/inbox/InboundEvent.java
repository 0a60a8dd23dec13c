package com.acme.rma.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from a Kafka record, in either content mode of the CloudEvents Kafka binding:
 *
 * <ul>
 *   <li><b>binary</b> (what every service here publishes): attributes in {@code ce_*} headers, the
 *       value is the data;
 *   <li><b>structured</b> ({@code content-type: application/cloudevents+json}, what some outside
 *       systems send): attributes and {@code data} (or {@code data_base64}) in one JSON object.
 * </ul>
 *
 * Both give the same event, so idempotency (source + id), validation and dead-lettering are the
 * same whichever mode a producer chose. A record that is not a readable CloudEvent is poison.
 */
public record InboundEvent(
    String id, String source, String type, Instant time, String key, String data) {

  static final String CONTENT_TYPE = "content-type";
  static final String STRUCTURED_PREFIX = "application/cloudevents";
  static final String STRUCTURED_JSON = "application/cloudevents+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads the CloudEvent attributes; a record without them cannot be processed at all. */
  public static InboundEvent of(ConsumerRecord<String, String> record) {
    String contentType = header(record, CONTENT_TYPE);
    if (contentType != null
        && contentType.trim().toLowerCase(Locale.ROOT).startsWith(STRUCTURED_PREFIX)) {
      return structured(record, contentType.trim());
    }
    return binary(record);
  }

  private static InboundEvent binary(ConsumerRecord<String, String> record) {
    String id = requiredHeader(record, "ce_id");
    String source = requiredHeader(record, "ce_source");
    String type = requiredHeader(record, "ce_type");
    String time = header(record, "ce_time");
    if (record.value() == null || record.value().isBlank()) {
      throw new PoisonEventException("the record has no value");
    }
    return new InboundEvent(
        id, source, type, parseTime(time, "header ce_time"), record.key(), record.value());
  }

  private static InboundEvent structured(ConsumerRecord<String, String> record, String mediaType) {
    String format = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!STRUCTURED_JSON.equals(format)) {
      throw new PoisonEventException(
          "structured CloudEvents are read in JSON only (" + STRUCTURED_JSON + "), not " + format);
    }
    JsonNode event = parse(record.value());
    String specVersion = requiredAttribute(event, "specversion");
    if (!"1.0".equals(specVersion)) {
      throw new PoisonEventException("specversion " + specVersion + " is not 1.0");
    }
    String id = requiredAttribute(event, "id");
    String source = requiredAttribute(event, "source");
    String type = requiredAttribute(event, "type");
    Instant time = parseTime(textOrNull(event.get("time")), "attribute time");
    return new InboundEvent(id, source, type, time, record.key(), data(event));
  }

  private static JsonNode parse(String value) {
    if (value == null || value.isBlank()) {
      throw new PoisonEventException("the structured CloudEvent has no value");
    }
    JsonNode event;
    try {
      event = JSON.readTree(value);
    } catch (JsonProcessingException e) {
      throw new PoisonEventException("the structured CloudEvent is not JSON", e);
    }
    if (event == null || !event.isObject()) {
      throw new PoisonEventException("the structured CloudEvent is not a JSON object");
    }
    return event;
  }

  /** {@code data} as JSON text, or {@code data_base64} decoded as UTF-8 text. */
  private static String data(JsonNode event) {
    JsonNode data = event.get("data");
    if (data != null && !data.isNull()) {
      return data.toString();
    }
    String base64 = textOrNull(event.get("data_base64"));
    if (base64 != null) {
      try {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new PoisonEventException("data_base64 of the structured CloudEvent is not base64", e);
      }
    }
    throw new PoisonEventException("the structured CloudEvent has no data");
  }

  private static Instant parseTime(String time, String what) {
    if (time == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeParseException e) {
      throw new PoisonEventException(what + " is not an RFC 3339 instant: " + time);
    }
  }

  private static String requiredAttribute(JsonNode event, String name) {
    String value = textOrNull(event.get(name));
    if (value == null || value.isBlank()) {
      throw new PoisonEventException(
          "attribute " + name + " of the structured CloudEvent is missing");
    }
    return value;
  }

  private static String textOrNull(JsonNode node) {
    return node == null || !node.isTextual() ? null : node.asText();
  }

  private static String requiredHeader(ConsumerRecord<String, String> record, String name) {
    String value = header(record, name);
    if (value == null || value.isBlank()) {
      throw new PoisonEventException("header " + name + " is missing");
    }
    return value;
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
