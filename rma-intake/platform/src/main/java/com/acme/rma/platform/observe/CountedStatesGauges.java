package com.acme.rma.platform.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes every {@link CountedStates} bean as gauges, refreshed every {@code
 * rma.metrics.counts.interval} (30 s): a scrape reads the last counts and never touches the
 * database. Every replica reads the same database, so aggregate with {@code max}, not {@code sum}.
 */
@ApplicationScoped
public class CountedStatesGauges {

  private static final Logger LOG = Logger.getLogger(CountedStatesGauges.class);

  private final Instance<CountedStates> sources;
  private final MeterRegistry metrics;
  // the gauges' values, held here (Micrometer holds gauge objects weakly)
  private final Map<String, Map<Tags, AtomicLong>> values = new ConcurrentHashMap<>();

  public CountedStatesGauges(Instance<CountedStates> sources, MeterRegistry metrics) {
    this.sources = sources;
    this.metrics = metrics;
  }

  @Scheduled(
      identity = "counted-states-gauges",
      every = "${rma.metrics.counts.interval:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void refresh() {
    for (CountedStates source : sources) {
      try {
        List<CountedStates.Row> rows = QuarkusTransaction.requiringNew().call(source::count);
        Map<Tags, AtomicLong> gauges =
            values.computeIfAbsent(source.name(), name -> new ConcurrentHashMap<>());
        for (CountedStates.Row row : rows) {
          Tags tags = Tags.empty();
          for (Map.Entry<String, String> tag : row.tags().entrySet()) {
            tags = tags.and(tag.getKey(), tag.getValue());
          }
          gauges.computeIfAbsent(tags, t -> register(source, t)).set(row.count());
        }
      } catch (RuntimeException e) {
        // the last counts stay; the database being down shows elsewhere (readiness, 503s)
        LOG.debugf("could not refresh %s: %s", source.name(), e.getMessage());
      }
    }
  }

  private AtomicLong register(CountedStates source, Tags tags) {
    AtomicLong value = new AtomicLong();
    Gauge.builder(source.name(), value, AtomicLong::get)
        .description(source.description())
        .tags(tags)
        .register(metrics);
    return value;
  }
}
