package com.acme.rma.platform.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Dead-letter metrics of a service.
 *
 * <ul>
 *   <li>{@code rma.dead.letters} (counter, tag {@code channel}): records a consumer sent to the
 *       dead-letter topic since start. The consumer's failure path calls {@link #record(String)};
 *       every channel configured with {@code failure-strategy=dead-letter-queue} is there from
 *       start, at 0.
 *   <li>{@code rma.dead.letters.topic.records} (gauge, tag {@code topic}): how many records the
 *       dead-letter topic holds (end minus start offsets over its partitions), refreshed in the
 *       background every {@code rma.dead-letters.gauge-refresh} (30 s) so that a scrape never waits
 *       on the broker. NaN until the first reading.
 * </ul>
 */
@ApplicationScoped
public class DeadLetterMetrics {

  public static final String COUNTER = "rma.dead.letters";
  public static final String GAUGE = "rma.dead.letters.topic.records";

  private static final Logger LOG = Logger.getLogger(DeadLetterMetrics.class);
  private static final Pattern DLQ_CHANNEL =
      Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.failure-strategy");

  private final MeterRegistry registry;
  private final DeadLetterTopic topic;
  private final Config config;
  private volatile double topicRecords = Double.NaN;

  public DeadLetterMetrics(MeterRegistry registry, DeadLetterTopic topic, Config config) {
    this.registry = registry;
    this.topic = topic;
    this.config = config;
  }

  void onStart(@Observes StartupEvent start) {
    for (String channel : deadLetterChannels()) {
      registry.counter(COUNTER, "channel", channel);
    }
    Gauge.builder(GAUGE, this, m -> m.topicRecords)
        .tag("topic", topic.name())
        .description("records in the service's dead-letter topic")
        .register(registry);
  }

  /** Counts one record that the consumer of {@code channel} sent to the dead-letter topic. */
  public void record(String channel) {
    registry.counter(COUNTER, "channel", channel).increment();
  }

  /** How many the consumer of {@code channel} sent since start. */
  public double count(String channel) {
    return registry.counter(COUNTER, "channel", channel).count();
  }

  @Scheduled(
      identity = "dead-letters-gauge",
      every = "${rma.dead-letters.gauge-refresh:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void refresh() {
    try {
      topicRecords = topic.count();
    } catch (RuntimeException e) {
      // the last reading stays; the broker may be down, which other signals report
      LOG.debugf(e, "could not count the records of %s", topic.name());
    }
  }

  private Set<String> deadLetterChannels() {
    Set<String> channels = new TreeSet<>();
    for (String name : config.getPropertyNames()) {
      Matcher m = DLQ_CHANNEL.matcher(name);
      if (m.matches()
          && "dead-letter-queue"
              .equals(config.getOptionalValue(name, String.class).orElse("").trim())) {
        channels.add(m.group(1));
      }
    }
    return channels;
  }
}
