package com.acme.rma.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code rma.rate-limit.*}: the per-partner token bucket on {@code POST /api/v1/rmas}. Each replica
 * keeps its own buckets, so the effective limit is the setting times the replicas.
 */
@ConfigMapping(prefix = "rma.rate-limit")
public interface RateLimitConfig {

  /** {@code RMA_RATE_LIMIT_ENABLED}; off for benchmarks. */
  @WithDefault("true")
  boolean enabled();

  /** Requests per second a partner may keep up (the refill rate). */
  @WithDefault("20")
  int perSecond();

  /** Requests a partner may send at once (the bucket's capacity). */
  @WithDefault("40")
  int burst();
}
