package com.acme.rma.intake.projection;

import com.acme.rma.platform.Causes;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.context.api.ManagedExecutorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Runs timeline rebuilds in the background, one at a time across every replica: {@link #start}
 * records a running rebuild ({@code timeline_rebuild}) and hands the work ({@link TimelineRebuild})
 * to a managed executor; the rebuild's end is recorded as done (records read, entries written) or
 * failed (a plain sentence, no class names; the log has the exception). A rebuild whose instance
 * stopped before recording its end is taken as failed once it has run longer than any rebuild can
 * (twice {@code rma.timeline.rebuild-timeout}, reading and then writing, and a minute).
 */
@ApplicationScoped
public class TimelineRebuilds {

  private static final Logger LOG = Logger.getLogger(TimelineRebuilds.class);

  public enum State {
    RUNNING,
    DONE,
    FAILED
  }

  /** A rebuild's state; {@code records}, {@code entries} once done, {@code error} once failed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(
      UUID id,
      State state,
      Instant startedAt,
      Instant finishedAt,
      Integer records,
      Integer entries,
      String error) {}

  /** What a start did: {@code started}, or not because {@code status} (the running one) runs. */
  public record Start(boolean started, Status status) {}

  private final TimelineRebuild rebuild;
  private final TimelineRebuildLog log;
  private final Clock clock;
  private final Duration abandonedAfter;

  @Inject
  @ManagedExecutorConfig(
      propagated = {},
      cleared = ThreadContext.ALL_REMAINING)
  ManagedExecutor executor;

  public TimelineRebuilds(
      TimelineRebuild rebuild,
      TimelineRebuildLog log,
      Clock clock,
      @ConfigProperty(name = "rma.timeline.rebuild-timeout", defaultValue = "5m")
          Duration timeout) {
    this.rebuild = rebuild;
    this.log = log;
    this.clock = clock;
    this.abandonedAfter = timeout.multipliedBy(2).plusMinutes(1);
  }

  /** Starts a rebuild in the background, unless one is running. */
  public Start start() {
    for (int attempt = 0; ; attempt++) {
      UUID id = UUID.randomUUID();
      Instant now = now();
      if (log.start(
          id,
          now,
          now.minus(abandonedAfter),
          "abandoned: the instance running it stopped before it ended")) {
        LOG.infof("timeline rebuild %s started", id);
        executor.runAsync(() -> run(id));
        return new Start(true, new Status(id, State.RUNNING, now, null, null, null, null));
      }
      Optional<Status> running = log.running();
      if (running.isPresent() || attempt == 2) {
        return new Start(false, running.orElseGet(() -> log.latest().orElseThrow()));
      }
      // the running one ended between the two statements: try again
    }
  }

  /** The rebuild started last, if any. */
  public Optional<Status> latest() {
    return log.latest();
  }

  private void run(UUID id) {
    try {
      TimelineRebuild.Result result = rebuild.rebuild();
      log.done(id, now(), result.records(), result.entries());
    } catch (RuntimeException | Error e) {
      LOG.errorf(e, "timeline rebuild %s failed", id);
      try {
        log.failed(id, now(), Causes.describe(e, "the rebuild failed without a reason"));
      } catch (RuntimeException notRecorded) {
        // it stays running until it counts as abandoned
        LOG.errorf(notRecorded, "timeline rebuild %s: its failure could not be recorded", id);
      }
    }
  }

  private Instant now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
