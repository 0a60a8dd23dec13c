package com.acme.rma.intake.adapters.rest;

import com.acme.rma.intake.config.RateLimitConfig;
import com.acme.rma.platform.problem.Problem;
import com.acme.rma.platform.problem.ProblemException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per partner (Bucket4j) in front of {@code POST /api/v1/rmas}: {@code burst}
 * requests at once, refilled at {@code per-second}; beyond it 429 {@code RATE_LIMITED} with {@code
 * Retry-After}. Other partners are unaffected; ops and service callers cannot request RMAs and are
 * never limited. Time is the service's injected clock, so tests decide when buckets refill. Buckets
 * live in this replica's memory (one per partner that has asked since the start): the effective
 * limit is the setting times the replicas.
 */
@ApplicationScoped
public class PartnerRateLimit {

  private final boolean enabled;
  private final Bandwidth bandwidth;
  private final TimeMeter time;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  @Inject
  public PartnerRateLimit(RateLimitConfig config, Clock clock) {
    this(config.enabled(), config.perSecond(), config.burst(), clock);
  }

  PartnerRateLimit(boolean enabled, int perSecond, int burst, Clock clock) {
    if (enabled && (perSecond < 1 || burst < 1)) {
      throw new IllegalArgumentException(
          "rma.rate-limit.per-second and rma.rate-limit.burst must be at least 1");
    }
    this.enabled = enabled;
    this.bandwidth =
        enabled
            ? Bandwidth.builder()
                .capacity(burst)
                .refillGreedy(perSecond, Duration.ofSeconds(1))
                .build()
            : null;
    this.time = new ClockTime(clock);
  }

  /**
   * Takes one request from the partner's bucket.
   *
   * @throws ProblemException 429 {@code RATE_LIMITED} with {@code Retry-After} when it is empty
   */
  public void acquire(String partnerId) {
    if (!enabled) {
      return;
    }
    Bucket bucket =
        buckets.computeIfAbsent(
            partnerId,
            id -> Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return;
    }
    long seconds =
        Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    throw new ProblemException(
        Problem.of(
            429,
            "RATE_LIMITED",
            "Too many requests",
            "Too many RMA requests from this partner; retry after "
                + seconds
                + " s (the limit is per partner)."),
        Map.of("Retry-After", Long.toString(seconds)));
  }

  /** The service's clock as Bucket4j's time. */
  private record ClockTime(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
