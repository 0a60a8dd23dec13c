package com.acme.rma.monitor.adapters.kafka;

import com.acme.rma.monitor.application.AlertFeed;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once this replica follows the alert topic: its dashboard clients miss nothing. */
@Readiness
@ApplicationScoped
public class LiveAlertsHealth implements HealthCheck {

  private final AlertFeed feed;

  public LiveAlertsHealth(AlertFeed feed) {
    this.feed = feed;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("sla.alerts live feed").status(feed.isFollowing()).build();
  }
}
