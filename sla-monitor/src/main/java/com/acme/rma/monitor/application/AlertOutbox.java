package com.acme.rma.monitor.application;

import com.acme.rma.contract.Topics;
import com.acme.rma.monitor.domain.SlaAlert;
import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.platform.outbox.OutgoingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Alerts leave through the outbox, in the transaction that changed the clock: exactly once. Once
 * that transaction commits, the outbox is relayed at once.
 */
@ApplicationScoped
public class AlertOutbox {

  private static final Object RELAY_REQUESTED = new Object();

  private final Outbox outbox;
  private final MeterRegistry metrics;
  private final TransactionSynchronizationRegistry transactions;
  private final PromptRelay relay;

  public AlertOutbox(
      Outbox outbox,
      MeterRegistry metrics,
      TransactionSynchronizationRegistry transactions,
      PromptRelay relay) {
    this.outbox = outbox;
    this.metrics = metrics;
    this.transactions = transactions;
    this.relay = relay;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void publish(List<SlaAlert> alerts) {
    if (alerts.isEmpty()) {
      return;
    }
    for (SlaAlert alert : alerts) {
      String type = AlertPayload.typeOf(alert.kind());
      outbox.add(
          new OutgoingEvent(Topics.SLA_ALERTS, alert.rmaNumber(), type, AlertPayload.of(alert)));
      metrics.counter("rma.monitor.alerts", "type", type).increment();
    }
    relayAfterCommit();
  }

  private void relayAfterCommit() {
    if (transactions.getResource(RELAY_REQUESTED) != null) {
      return;
    }
    transactions.putResource(RELAY_REQUESTED, Boolean.TRUE);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              relay.request();
            }
          }
        });
  }
}
