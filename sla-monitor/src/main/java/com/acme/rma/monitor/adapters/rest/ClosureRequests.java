package com.acme.rma.monitor.adapters.rest;

import com.acme.rma.platform.problem.Problem;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What the calendar and repair endpoints read from a request: the reason and who asks. */
final class ClosureRequests {

  static final int MAX_REASON = 200;

  private ClosureRequests() {}

  /** A reason is required: 1–200 characters, no control characters. */
  static String reason(String value, List<Problem.Violation> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new Problem.Violation("reason", "is required"));
      return null;
    }
    String reason = value.strip();
    if (reason.length() > MAX_REASON) {
      problems.add(
          new Problem.Violation("reason", "must be at most " + MAX_REASON + " characters"));
      return null;
    }
    if (reason.chars().anyMatch(Character::isISOControl)) {
      problems.add(new Problem.Violation("reason", "must not contain control characters"));
      return null;
    }
    return reason;
  }

  /** Who made the change: the token's name (upn, preferred_username or subject). */
  static String who(JsonWebToken token) {
    String name = token.getName();
    if (name == null || name.isBlank()) {
      name = token.getSubject();
    }
    return name == null || name.isBlank() ? "ops" : name;
  }
}
