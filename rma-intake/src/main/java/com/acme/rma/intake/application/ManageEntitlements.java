package com.acme.rma.intake.application;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Topics;
import com.acme.rma.intake.domain.Entitlement;
import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.platform.outbox.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Ops create and replace entitlements; each real change is announced on the compacted {@code
 * rma.entitlements} topic (the registry learns appliance ownership from it).
 */
@ApplicationScoped
public class ManageEntitlements {

  /** What a replace ended with. */
  public sealed interface Outcome {
    /** Stored; {@code created} when the serial number was new. */
    record Saved(EntitlementStore.Stored stored, boolean created) implements Outcome {}

    /** Refused: inconsistent fields. */
    record Invalid(List<Entitlement.Problem> problems) implements Outcome {}
  }

  private final EntitlementStore store;
  private final Outbox outbox;
  private final Clock clock;

  public ManageEntitlements(EntitlementStore store, Outbox outbox, Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Creates or replaces the appliance's entitlement. Replacing it with identical content changes
   * nothing and publishes nothing (a PUT repeated by a retry is harmless).
   */
  @Transactional
  public Outcome replace(Entitlement entitlement) {
    List<Entitlement.Problem> problems = entitlement.problems();
    if (!problems.isEmpty()) {
      return new Outcome.Invalid(problems);
    }
    Optional<EntitlementStore.Stored> before = store.find(entitlement.serialNumber());
    if (before.isPresent() && before.get().entitlement().equals(entitlement)) {
      return new Outcome.Saved(before.get(), false);
    }
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    EntitlementStore.Stored saved = store.save(entitlement, now);
    outbox.add(
        new OutgoingEvent(
            Topics.ENTITLEMENTS,
            entitlement.serialNumber(),
            EventTypes.ENTITLEMENT_CHANGED,
            Events.EntitlementChanged.of(entitlement, now)));
    return new Outcome.Saved(saved, before.isEmpty());
  }

  public Optional<EntitlementStore.Stored> find(String serialNumber) {
    return store.find(serialNumber);
  }
}
