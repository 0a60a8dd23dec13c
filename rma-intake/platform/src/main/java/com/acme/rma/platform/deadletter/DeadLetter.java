package com.acme.rma.platform.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One record of the service's dead-letter topic as ops see it in a list: where it sits ({@code id}
 * = {@code <partition>-<offset>}), where it came from, why it failed, which CloudEvent it carries
 * and, once replayed, when.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(
    String id,
    int partition,
    long offset,
    Instant timestamp,
    String key,
    String originalTopic,
    Integer originalPartition,
    Long originalOffset,
    String reason,
    String cause,
    String ceId,
    String ceType,
    String ceSource,
    Instant replayedAt) {

  public static String idOf(int partition, long offset) {
    return partition + "-" + offset;
  }

  DeadLetter replayedAt(Instant at) {
    return new DeadLetter(
        id,
        partition,
        offset,
        timestamp,
        key,
        originalTopic,
        originalPartition,
        originalOffset,
        reason,
        cause,
        ceId,
        ceType,
        ceSource,
        at);
  }
}
