package com.acme.rma.monitor.application;

import com.acme.rma.platform.outbox.OutboxRelay;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Relays the outbox right after a transaction that wrote alerts commits, instead of waiting for the
 * relay's own schedule (which Quarkus' scheduler runs at most once a second). Requests that arrive
 * while a relay is under way are folded into one more run.
 */
@ApplicationScoped
public class PromptRelay {

  private static final Logger LOG = Logger.getLogger(PromptRelay.class);

  private final OutboxRelay relay;
  private final boolean enabled;
  private final AtomicBoolean requested = new AtomicBoolean();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "sla-alert-relay");
            thread.setDaemon(true);
            return thread;
          });

  public PromptRelay(
      OutboxRelay relay,
      @ConfigProperty(name = "rma.outbox.relay.enabled", defaultValue = "true") boolean enabled) {
    this.relay = relay;
    this.enabled = enabled;
  }

  /** Asks for a relay run soon; never blocks the caller. */
  public void request() {
    if (enabled && requested.compareAndSet(false, true)) {
      executor.execute(this::run);
    }
  }

  private void run() {
    requested.set(false);
    try {
      relay.relayPending();
    } catch (RuntimeException e) {
      // the relay's own schedule retries; nothing is lost
      LOG.debug("prompt relay failed; the scheduled relay sends the rows", e);
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }
}
