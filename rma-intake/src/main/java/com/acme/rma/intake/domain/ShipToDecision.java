package com.acme.rma.intake.domain;

/**
 * Where the replacement goes (rules §4): a registered Gold Plus address always wins and cannot be
 * changed at request time; without one, the request must say where.
 */
public sealed interface ShipToDecision {

  record ShipTo(Address address) implements ShipToDecision {}

  /** No registered address and no {@code shipTo} in the request. */
  record Required() implements ShipToDecision {}

  /** A registered address exists and the request names a different one. */
  record ChangeNotAccepted(Address registered) implements ShipToDecision {}

  /**
   * @param registered the locked registered address, or null when there is none
   * @param requested the request's {@code shipTo}, or null
   */
  static ShipToDecision decide(Address registered, Address requested) {
    if (registered != null) {
      return requested == null || requested.sameAs(registered)
          ? new ShipTo(registered)
          : new ChangeNotAccepted(registered);
    }
    return requested == null ? new Required() : new ShipTo(requested);
  }
}
