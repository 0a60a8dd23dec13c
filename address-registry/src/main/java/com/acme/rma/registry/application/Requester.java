package com.acme.rma.registry.application;

import java.util.Optional;

/**
 * Who asks, as far as site ownership goes: ops may act on every site, a partner only on the
 * appliances its entitlements name.
 */
public record Requester(boolean ops, Optional<String> partnerId) {

  public static Requester operations() {
    return new Requester(true, Optional.empty());
  }

  public static Requester partner(String partnerId) {
    return new Requester(false, Optional.of(partnerId));
  }

  /** Unknown ownership is nobody's: only ops may act then. */
  public boolean mayActOn(Optional<String> owner) {
    return ops || (partnerId.isPresent() && owner.isPresent() && partnerId.equals(owner));
  }
}
