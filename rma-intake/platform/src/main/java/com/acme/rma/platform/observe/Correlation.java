package com.acme.rma.platform.observe;

import io.opentelemetry.api.trace.Span;
import org.jboss.logging.MDC;

/**
 * The business identifiers of what is being worked on, in the logging MDC ({@code rmaNumber},
 * {@code serialNumber}) and on the current span ({@code rma.number}, {@code rma.serial_number}), so
 * that logs and traces of one RMA can be found by its number. REST requests get them from path
 * parameters ({@link CorrelationFilter}), consumers from the event ({@code EventConsumer}); a use
 * case that learns one later (a new RMA's number) calls {@link #rma(String)}. Cleared at the end of
 * each request and event.
 */
public final class Correlation {

  public static final String RMA_NUMBER = "rmaNumber";
  public static final String SERIAL_NUMBER = "serialNumber";

  private Correlation() {}

  public static void rma(String rmaNumber) {
    put(RMA_NUMBER, "rma.number", rmaNumber);
  }

  public static void serial(String serialNumber) {
    put(SERIAL_NUMBER, "rma.serial_number", serialNumber);
  }

  public static void clear() {
    MDC.remove(RMA_NUMBER);
    MDC.remove(SERIAL_NUMBER);
  }

  private static void put(String key, String attribute, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    MDC.put(key, value);
    Span.current().setAttribute(attribute, value);
  }
}
