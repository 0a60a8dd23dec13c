package com.acme.rma.platform.consume;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a consumer is stalled on a transient failure (its dependency is down): the
 * service stays live and resumes by itself, and the data says which channel, since when and why.
 */
@Readiness
@ApplicationScoped
public class EventConsumersHealth implements HealthCheck {

  private final ConsumerStalls stalls;

  public EventConsumersHealth(ConsumerStalls stalls) {
    this.stalls = stalls;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("event-consumers").up();
    stalls
        .current()
        .forEach(
            (channel, stall) -> {
              response.down();
              response.withData(
                  channel,
                  "stalled since "
                      + stall.since()
                      + " after "
                      + stall.attempts()
                      + " attempts: "
                      + stall.reason());
            });
    return response.build();
  }
}
