package com.acme.rma.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as the bearer token says: role and, for partners, the partner id. */
@RequestScoped
public class Caller {

  public static final String OPS = "ops";
  public static final String PARTNER = "partner";
  public static final String LOGISTICS = "logistics";
  public static final String CUSTOMER = "customer";

  /**
   * The role of the services' own identity: rma-intake calls the registry's lock API with a token
   * of this role (subject {@code rma-intake}), never with the partner's.
   */
  public static final String SERVICE = "rma-service";

  public static final String PARTNER_ID_CLAIM = "partner_id";

  private final JsonWebToken token;

  @Inject
  public Caller(JsonWebToken token) {
    this.token = token;
  }

  public boolean isOps() {
    return token.getGroups().contains(OPS);
  }

  public boolean isLogistics() {
    return token.getGroups().contains(LOGISTICS);
  }

  public boolean isService() {
    return token.getGroups().contains(SERVICE);
  }

  /** The token's subject (who acts, for audit records); "unknown" when it names none. */
  public String subject() {
    String name = token.getName();
    return name == null || name.isBlank() ? "unknown" : name;
  }

  public boolean isPartner() {
    return token.getGroups().contains(PARTNER);
  }

  /** The partner id of a partner token; empty for any other caller. */
  public Optional<String> partnerId() {
    if (!isPartner()) {
      return Optional.empty();
    }
    Object claim = token.getClaim(PARTNER_ID_CLAIM);
    return claim == null
        ? Optional.empty()
        : Optional.of(claim.toString()).filter(s -> !s.isBlank());
  }

  /**
   * Whether the caller may see data owned by this partner: ops always, a partner only its own.
   * Callers answer a refusal with 404, so that another partner's data looks like none at all.
   */
  public boolean mayActFor(String owningPartnerId) {
    return isOps() || partnerId().map(id -> id.equals(owningPartnerId)).orElse(false);
  }
}
