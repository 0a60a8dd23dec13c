package com.acme.rma.platform.observe;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;

/**
 * Histogram buckets for the latency of every REST endpoint ({@code http_server_requests_seconds})
 * and every outgoing call ({@code http_client_requests_seconds}, intake's registry calls), so that
 * dashboards and alerts can compute percentiles across replicas. Eight buckets from 25 ms to 5 s
 * (not Micrometer's 70-odd percentile buckets).
 */
@Singleton
public class LatencyBuckets {

  private static final Set<String> TIMERS = Set.of("http.server.requests", "http.client.requests");
  private static final double[] BUCKETS_NANOS = {
    nanos(25), nanos(50), nanos(100), nanos(250), nanos(500), nanos(1000), nanos(2500), nanos(5000)
  };

  @Produces
  @Singleton
  public MeterFilter latencyBuckets() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!TIMERS.contains(id.getName())) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(BUCKETS_NANOS)
            .build()
            .merge(config);
      }
    };
  }

  private static double nanos(long millis) {
    return Duration.ofMillis(millis).toNanos();
  }
}
