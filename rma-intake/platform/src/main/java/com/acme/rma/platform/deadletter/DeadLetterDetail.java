package com.acme.rma.platform.deadletter;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * One dead letter in full: the list entry's fields, every header as text, and the value as text (at
 * most {@link DeadLetterRecord#MAX_VALUE_BYTES} bytes of it; {@code valueTruncated} says when it
 * was cut, {@code valueBytes} is its real size).
 */
public record DeadLetterDetail(
    @JsonUnwrapped DeadLetter entry,
    List<Header> headers,
    String value,
    int valueBytes,
    boolean valueTruncated) {

  public record Header(String name, String value) {}
}
