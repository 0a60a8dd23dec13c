package com.acme.rma.intake.projection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One step of an RMA's timeline: {@code at} is when it happened (the event's time), {@code
 * recordedAt} when this service learned it. {@code eventSource}, {@code eventId} and {@code part}
 * name the CloudEvent it came from (one event may give several entries), which makes the projection
 * idempotent.
 */
public record TimelineEntry(
    String rmaNumber,
    String eventSource,
    String eventId,
    int part,
    String type,
    String source,
    Instant at,
    Instant recordedAt,
    String summary,
    Map<String, Object> details) {

  /** The same entry with only the detail keys partners may see. */
  public TimelineEntry forPartner() {
    Set<String> allowed = TimelineTypes.partnerKeys(type);
    Map<String, Object> visible = new LinkedHashMap<>();
    details.forEach(
        (key, value) -> {
          if (allowed.contains(key)) {
            visible.put(key, value);
          }
        });
    return new TimelineEntry(
        rmaNumber, eventSource, eventId, part, type, source, at, recordedAt, summary, visible);
  }

  /**
   * The id of the webhook CloudEvent announcing this entry: the same on every redelivery and every
   * rebuild (derived from the source event's id and the part).
   */
  public String webhookEventId() {
    return java.util
        .UUID
        .nameUUIDFromBytes(
            (eventSource + "\n" + eventId + "\n" + part)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }
}
