package com.acme.rma.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A CloudEvent read from a Kafka record in binary mode: attributes from headers, data as text. */
public record InboundEvent(
    String id, String source, String type, Instant time, String key, String data) {

  /** Reads the CloudEvent attributes; a record without them cannot be processed at all. */
  public static InboundEvent of(ConsumerRecord<String, String> record) {
    String id = required(record, "ce_id");
    String source = required(record, "ce_source");
    String type = required(record, "ce_type");
    String time = header(record, "ce_time");
    if (record.value() == null || record.value().isBlank()) {
      throw new PoisonEventException("the record has no value");
    }
    return new InboundEvent(id, source, type, parseTime(time), record.key(), record.value());
  }

  private static Instant parseTime(String time) {
    if (time == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeParseException e) {
      throw new PoisonEventException("header ce_time is not an RFC 3339 instant: " + time);
    }
  }

  private static String required(ConsumerRecord<String, String> record, String name) {
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
