package com.acme.rma.platform.consume;

import com.acme.rma.platform.deadletter.DeadLetterMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each consuming channel is doing now: flowing, or stalled on a record it keeps retrying
 * (since when, how often, why). Readiness and metrics read it; {@link EventConsumer} writes it.
 */
@ApplicationScoped
public class ConsumerStalls {

  /** A channel held on one record by a transient failure. */
  public record Stall(Instant since, long attempts, String reason) {}

  private final Map<String, Stall> stalls = new ConcurrentHashMap<>();
  private final Map<String, Boolean> known = new ConcurrentHashMap<>();
  private final MeterRegistry metrics;
  private final DeadLetterMetrics deadLetters;
  private final Clock clock;

  public ConsumerStalls(MeterRegistry metrics, DeadLetterMetrics deadLetters, Clock clock) {
    this.metrics = metrics;
    this.deadLetters = deadLetters;
    this.clock = clock;
  }

  void failed(String channel, Throwable failure) {
    register(channel);
    metrics.counter("rma.consumer.retries", "channel", channel).increment();
    stalls.merge(
        channel,
        new Stall(Instant.now(clock), 1, Failures.reason(failure)),
        (old, now) -> new Stall(old.since(), old.attempts() + 1, now.reason()));
  }

  void succeeded(String channel) {
    register(channel);
    stalls.remove(channel);
  }

  void deadLettered(String channel) {
    register(channel);
    stalls.remove(channel);
    deadLetters.record(channel);
  }

  /** The channels stalled right now, by name. */
  public Map<String, Stall> current() {
    return new TreeMap<>(stalls);
  }

  private void register(String channel) {
    known.computeIfAbsent(
        channel,
        name -> {
          metrics.gauge(
              "rma.consumer.stalled",
              List.of(Tag.of("channel", name)),
              stalls,
              s -> s.containsKey(name) ? 1 : 0);
          metrics.counter("rma.consumer.retries", "channel", name);
          return Boolean.TRUE;
        });
  }
}
