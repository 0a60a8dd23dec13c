package com.acme.rma.platform.outbox;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the relay right after a transaction that wrote outbox rows commits, on a thread of its own,
 * instead of waiting for the relay's schedule (which Quarkus' scheduler runs at most once a
 * second). Wake-ups that arrive while a run is under way fold into one more run; the schedule stays
 * as the safety net, so a lost wake-up only delays a row to the next tick.
 */
@ApplicationScoped
public class RelayWakeUp {

  private static final Logger LOG = Logger.getLogger(RelayWakeUp.class);
  private static final Object REGISTERED = new Object();

  private final OutboxRelay relay;
  private final TransactionSynchronizationRegistry transactions;
  private final boolean enabled;
  private final AtomicBoolean requested = new AtomicBoolean();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "outbox-relay-wake-up");
            thread.setDaemon(true);
            return thread;
          });

  public RelayWakeUp(
      OutboxRelay relay,
      TransactionSynchronizationRegistry transactions,
      @ConfigProperty(name = "rma.outbox.relay.enabled", defaultValue = "true") boolean enabled,
      @ConfigProperty(name = "rma.outbox.relay.on-commit", defaultValue = "true")
          boolean onCommit) {
    this.relay = relay;
    this.transactions = transactions;
    this.enabled = enabled && onCommit;
  }

  /** Once per transaction: wake the relay when the current transaction commits. */
  void afterCommit() {
    if (!enabled || transactions.getResource(REGISTERED) != null) {
      return;
    }
    transactions.putResource(REGISTERED, Boolean.TRUE);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing: only a committed row can be relayed
          }

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              request();
            }
          }
        });
  }

  /** Asks for a relay run soon; never blocks the caller. */
  public void request() {
    if (enabled && requested.compareAndSet(false, true)) {
      try {
        executor.execute(this::run);
      } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
        requested.set(false);
      }
    }
  }

  private void run() {
    requested.set(false);
    try {
      relay.relayPending();
    } catch (RuntimeException e) {
      // the relay's own schedule retries; nothing is lost
      LOG.debug("relay on commit failed; the scheduled relay sends the rows", e);
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }
}
