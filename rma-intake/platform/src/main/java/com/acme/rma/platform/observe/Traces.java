package com.acme.rma.platform.observe;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.MDC;

/**
 * W3C trace context across the places OpenTelemetry's instrumentation does not reach by itself: an
 * outbox row keeps the {@code traceparent} of the transaction that wrote it, the relay sends it as
 * a Kafka header, a consumer continues the trace from that header, and a timer continues the trace
 * a stored row remembers. Trace and span ids go into the logging MDC ({@code traceId}, {@code
 * spanId}) while such a span is current.
 */
public final class Traces {

  /** The Kafka header and column name, as W3C Trace Context names it. */
  public static final String TRACEPARENT = "traceparent";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<String> SINGLE =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
          return TRACEPARENT.equals(key) ? carrier : null;
        }
      };

  private Traces() {}

  /** The current span's {@code traceparent}, or null when no (valid) span is current. */
  public static String currentTraceparent() {
    if (!Span.current().getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    W3C.inject(Context.current(), carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /**
   * Runs {@code work} in a new span that continues the trace of {@code traceparent} (a new trace
   * when it is null or malformed), with the ids in the MDC.
   */
  public static <T> T inSpan(
      Tracer tracer, String name, SpanKind kind, String traceparent, Supplier<T> work) {
    Context parent =
        traceparent == null ? Context.root() : W3C.extract(Context.root(), traceparent, SINGLE);
    Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(kind).startSpan();
    Object previousTrace = MDC.get("traceId");
    Object previousSpan = MDC.get("spanId");
    try (Scope ignored = span.makeCurrent()) {
      MDC.put("traceId", span.getSpanContext().getTraceId());
      MDC.put("spanId", span.getSpanContext().getSpanId());
      return work.get();
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR);
      throw e;
    } finally {
      span.end();
      restore("traceId", previousTrace);
      restore("spanId", previousSpan);
    }
  }

  private static void restore(String key, Object previous) {
    if (previous == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, previous);
    }
  }
}
