package com.acme.rma.intake.adapters.rest;

import com.acme.rma.platform.problem.Problem;
import com.acme.rma.platform.problem.ProblemException;
import java.util.List;
import java.util.Map;

/** Problems specific to rma-intake, with the codes of the contract. */
final class Problems {

  private Problems() {}

  static ProblemException of(
      int status, String code, String title, String detail, Map<String, Object> extensions) {
    return new ProblemException(
        new Problem(Problem.typeFor(code), title, status, detail, code, List.of(), extensions));
  }

  static ProblemException rmaNotFound(String rmaNumber) {
    return ProblemException.notFound("RMA_NOT_FOUND", "There is no RMA " + rmaNumber + ".");
  }

  static ProblemException entitlementNotFound(String serialNumber) {
    return ProblemException.notFound(
        "ENTITLEMENT_NOT_FOUND", "There is no entitlement for appliance " + serialNumber + ".");
  }

  static ProblemException forbidden(String detail) {
    return new ProblemException(Problem.of(403, "FORBIDDEN", "Forbidden", detail));
  }
}
