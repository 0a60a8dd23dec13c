package com.acme.rma.platform.inbox;

import com.acme.rma.contract.AsyncApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every consumer checks before an event may have an effect, beyond its shape: that it comes
 * from the producer the contract names for its type, and that it does not claim to have happened in
 * the future. Either failure is poison (dead-lettered once with the reason, never retried):
 *
 * <ul>
 *   <li><b>{@code ce_source}</b> must be the contract's source for the type ({@code asyncapi.yaml},
 *       the {@code ce_source} const of each message: {@code /rma-intake} for {@code
 *       rma.entitlement.changed.v1}, ...). Types from outside (the logistics systems' carrier
 *       events) have no fixed source; theirs may be anything but one of the services' own sources,
 *       so an integrator cannot pass its record off as a service's event (nor share its inbox
 *       keys). Types the contract does not know are left to the handler.
 *   <li><b>time</b>: {@code ce_time} and the payload instants a consumer passes to {@link
 *       #notAhead} may be at most {@code rma.events.max-clock-skew} (default 5 min) ahead of the
 *       service's clock.
 * </ul>
 */
@ApplicationScoped
public class EventChecks {

  private final Clock clock;
  private final Duration skew;
  private final Function<String, Optional<String>> sources;
  private final Set<String> serviceSources;

  @Inject
  public EventChecks(
      Clock clock,
      @ConfigProperty(name = "rma.events.max-clock-skew", defaultValue = "PT5M") Duration skew) {
    this(clock, skew, AsyncApi::sourceOf, AsyncApi.serviceSources());
  }

  EventChecks(
      Clock clock,
      Duration skew,
      Function<String, Optional<String>> sources,
      Set<String> serviceSources) {
    if (skew.isNegative()) {
      throw new IllegalArgumentException("rma.events.max-clock-skew must not be negative");
    }
    this.clock = clock;
    this.skew = skew;
    this.sources = sources;
    this.serviceSources = serviceSources;
  }

  /** Refuses an event from the wrong producer or dated too far ahead. */
  public void check(InboundEvent event) {
    Optional<String> expected = sources.apply(event.type());
    if (expected.isPresent() && !expected.get().equals(event.source())) {
      throw new PoisonEventException(
          "forged source: ce_source "
              + event.source()
              + " is not the producer of "
              + event.type()
              + " (the contract names "
              + expected.get()
              + ")");
    }
    if (expected.isEmpty() && serviceSources.contains(event.source())) {
      throw new PoisonEventException(
          "forged source: "
              + event.type()
              + " comes from outside, not from the service "
              + event.source());
    }
    if (event.time() != null) {
      notAhead(event.time(), "ce_time");
    }
  }

  /**
   * Refuses an instant of the event more than the allowed skew ahead of the clock (a 2099 {@code
   * changedAt} would otherwise win every later comparison). Returns it when it is not.
   */
  public Instant notAhead(Instant instant, String what) {
    Instant limit = Instant.now(clock).plus(skew);
    if (instant != null && instant.isAfter(limit)) {
      throw new PoisonEventException(
          "time in the future: "
              + what
              + " "
              + instant
              + " is more than "
              + skew
              + " ahead of the service's clock ("
              + Instant.now(clock)
              + ")");
    }
    return instant;
  }
}
