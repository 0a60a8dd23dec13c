package com.acme.rma.monitor.application;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The live alerts of this replica's dashboard clients. Every replica reads {@code sla.alerts}
 * itself (a consumer group of its own), so a client on any replica sees every alert, whichever
 * replica fired it.
 */
@ApplicationScoped
public class AlertFeed {

  /** One alert as it travels on Kafka: CloudEvent id and type, JSON data. */
  public record LiveAlert(String id, String type, String data) {}

  /** Alerts a slow client may fall behind by before its stream is ended (it reconnects). */
  static final int CLIENT_BUFFER = 1024;

  private final BroadcastProcessor<LiveAlert> processor = BroadcastProcessor.create();
  private volatile boolean following;

  public void publish(LiveAlert alert) {
    processor.onNext(alert);
  }

  /** The alerts from now on. */
  public Multi<LiveAlert> follow() {
    return processor.onOverflow().buffer(CLIENT_BUFFER);
  }

  /** Whether this replica is assigned the alert topic, so that new alerts reach its clients. */
  public boolean isFollowing() {
    return following;
  }

  public void following(boolean assigned) {
    this.following = assigned;
  }
}
