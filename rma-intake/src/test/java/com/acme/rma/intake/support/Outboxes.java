package com.acme.rma.intake.support;

import com.acme.rma.platform.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;

/** Reads the outbox table, as committed. */
public final class Outboxes {

  private Outboxes() {}

  public static List<OutboxEvent> rows(String key, String type) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> OutboxEvent.<OutboxEvent>list("key = ?1 and type = ?2 order by seq", key, type));
  }

  public static List<OutboxEvent> rows(String key) {
    return QuarkusTransaction.requiringNew()
        .call(() -> OutboxEvent.<OutboxEvent>list("key = ?1 order by seq", key));
  }
}
