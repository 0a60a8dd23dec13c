package com.acme.rma.intake.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * Human-readable RMA numbers: {@code RMA-2026-000042} (Tokyo year, then a never-reset sequence).
 */
public final class RmaNumber {

  public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Pattern FORMAT = Pattern.compile("RMA-\\d{4}-\\d{6,}");

  private RmaNumber() {}

  public static String of(Instant requestedAt, long sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be positive: " + sequence);
    }
    return String.format("RMA-%04d-%06d", requestedAt.atZone(TOKYO).getYear(), sequence);
  }

  public static boolean isWellFormed(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }
}
