package com.acme.rma.intake.application;

import com.acme.rma.intake.application.RequestRma.Outcome;
import com.acme.rma.intake.domain.Rma;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code rma_requests_total{outcome, level, code}}: every RMA request, by how it ended — AUTHORIZED
 * or QUEUED (with the service level it got), REFUSED (with the problem code the partner was
 * answered), REPLAYED (an idempotent retry, with the level of the RMA it answered) or UNAVAILABLE
 * (the registry could not be asked). {@code level} is {@code NONE} and {@code code} {@code NONE}
 * where they do not apply.
 */
final class RequestMetrics {

  private static final String NONE = "NONE";

  private RequestMetrics() {}

  static void record(MeterRegistry metrics, Outcome outcome) {
    String result;
    String level = NONE;
    String code = NONE;
    if (outcome instanceof Outcome.Created created) {
      result = created.rma().status().name(); // AUTHORIZED or QUEUED
      level = level(created.rma());
    } else if (outcome instanceof Outcome.Replayed replayed) {
      result = "REPLAYED";
      level = level(replayed.rma());
    } else if (outcome instanceof Outcome.RegistryUnavailable) {
      result = "UNAVAILABLE";
    } else {
      result = "REFUSED";
      code = refusalCode(outcome);
    }
    metrics.counter("rma.requests", "outcome", result, "level", level, "code", code).increment();
  }

  private static String level(Rma rma) {
    return rma.serviceLevel() == null ? NONE : rma.serviceLevel().name();
  }

  /** The problem code the partner is answered (RmaResource), one per refusal. */
  static String refusalCode(Outcome outcome) {
    if (outcome instanceof Outcome.KeyReused) {
      return "IDEMPOTENCY_KEY_REUSED";
    }
    if (outcome instanceof Outcome.EntitlementNotFound) {
      return "ENTITLEMENT_NOT_FOUND";
    }
    if (outcome instanceof Outcome.EndOfLife) {
      return "PRODUCT_END_OF_LIFE";
    }
    if (outcome instanceof Outcome.NoActiveCoverage) {
      return "NO_ACTIVE_COVERAGE";
    }
    if (outcome instanceof Outcome.AlreadyOpen) {
      return "RMA_ALREADY_OPEN";
    }
    if (outcome instanceof Outcome.ShipToRequired) {
      return "SHIP_TO_REQUIRED";
    }
    if (outcome instanceof Outcome.AddressChangeNotAccepted) {
      return "ADDRESS_CHANGE_NOT_ACCEPTED";
    }
    return outcome.getClass().getSimpleName();
  }
}
