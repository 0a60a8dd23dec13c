package com.acme.rma.platform.deadletter;

import com.acme.rma.platform.Causes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record read from the dead-letter topic, with the headers SmallRye's dead-letter handler adds
 * ({@code dead-letter-reason}, {@code -cause}, {@code -topic}, {@code -partition}, {@code -offset};
 * see {@code io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue}) beside the original
 * key, value and {@code ce_*} headers.
 *
 * <p>What ops read of it carries no exception class names: the reason and the cause are given
 * without them ({@link Causes#plain}; SmallRye writes a cause without a message as its {@code
 * toString()}, and records written before the kit's plain texts may hold them), and the headers
 * naming the exception classes are left out of the answer (the service's log names them).
 */
public final class DeadLetterRecord {

  /** The most of a value that {@code show} answers. */
  public static final int MAX_VALUE_BYTES = 64 * 1024;

  /** The most of a header, a reason or a cause that any answer carries. */
  static final int MAX_TEXT_CHARS = 4096;

  static final String REASON = "dead-letter-reason";
  static final String CAUSE = "dead-letter-cause";
  static final String TOPIC = "dead-letter-topic";
  static final String PARTITION = "dead-letter-partition";
  static final String OFFSET = "dead-letter-offset";

  /** SmallRye's headers naming the exception classes: kept on the topic, not shown. */
  static final Set<String> CLASS_NAME_HEADERS =
      Set.of("dead-letter-exception-class-name", "dead-letter-cause-class-name");

  private final ConsumerRecord<byte[], byte[]> record;

  DeadLetterRecord(ConsumerRecord<byte[], byte[]> record) {
    this.record = record;
  }

  public int partition() {
    return record.partition();
  }

  public long offset() {
    return record.offset();
  }

  public String id() {
    return DeadLetter.idOf(partition(), offset());
  }

  /** The record's key as text, or null for a record without one. */
  public String key() {
    return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
  }

  /** The whole value as UTF-8 text; empty when there is none or it is not valid UTF-8. */
  public Optional<String> fullValue() {
    if (record.value() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(record.value()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The last header of that name as text, or null. */
  public String header(String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  public Instant timestamp() {
    return Instant.ofEpochMilli(record.timestamp());
  }

  public DeadLetter entry() {
    return new DeadLetter(
        id(),
        partition(),
        offset(),
        timestamp(),
        bounded(key()),
        header(TOPIC),
        integer(header(PARTITION)),
        longValue(header(OFFSET)),
        plain(header(REASON)),
        plain(header(CAUSE)),
        bounded(header("ce_id")),
        bounded(header("ce_type")),
        bounded(header("ce_source")),
        null);
  }

  public DeadLetterDetail detail(DeadLetter entry) {
    List<DeadLetterDetail.Header> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      if (CLASS_NAME_HEADERS.contains(header.key())) {
        continue;
      }
      String text =
          header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
      if (REASON.equals(header.key()) || CAUSE.equals(header.key())) {
        headers.add(new DeadLetterDetail.Header(header.key(), plain(text)));
      } else {
        headers.add(new DeadLetterDetail.Header(header.key(), bounded(text)));
      }
    }
    byte[] value = record.value();
    if (value == null) {
      return new DeadLetterDetail(entry, headers, null, 0, false);
    }
    boolean truncated = value.length > MAX_VALUE_BYTES;
    String text =
        new String(value, 0, Math.min(value.length, MAX_VALUE_BYTES), StandardCharsets.UTF_8);
    return new DeadLetterDetail(entry, headers, text, value.length, truncated);
  }

  /** A reason or a cause as ops read it: without code names, bounded; null when nothing is left. */
  static String plain(String text) {
    String plain = Causes.plain(text);
    return plain == null || plain.isEmpty() ? null : bounded(plain);
  }

  static String bounded(String text) {
    return text == null || text.length() <= MAX_TEXT_CHARS
        ? text
        : text.substring(0, MAX_TEXT_CHARS) + "…";
  }

  private static Integer integer(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long longValue(String text) {
    try {
      return text == null ? null : Long.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
