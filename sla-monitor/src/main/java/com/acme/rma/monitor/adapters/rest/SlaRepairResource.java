package com.acme.rma.monitor.adapters.rest;

import com.acme.rma.monitor.application.ClockRepairStore;
import com.acme.rma.monitor.application.RejudgeClocks;
import com.acme.rma.platform.problem.Problem;
import com.acme.rma.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Ops' explicit re-judging of finished clocks against the calendars in effect, audited. */
@Path("/api/v1/slas/repair")
@RolesAllowed("ops")
@Produces(MediaType.APPLICATION_JSON)
public class SlaRepairResource {

  static final int MAX_REASON = 200;
  static final int MAX_DAYS = 366;

  private final RejudgeClocks rejudge;
  private final ClockRepairStore store;
  private final JsonWebToken token;

  public SlaRepairResource(RejudgeClocks rejudge, ClockRepairStore store, JsonWebToken token) {
    this.rejudge = rejudge;
    this.store = store;
    this.token = token;
  }

  /** {@code {from, to, reason}}: dates (inclusive) of the clocks' starts, and why. */
  public record Request(String from, String to, String reason) {}

  @APIResponseSchema(
      value = ClockRepairStore.Rejudged.class,
      responseCode = "200",
      responseDescription = "what the repair changed")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public ClockRepairStore.Rejudged repair(Request request) {
    List<Problem.Violation> problems = new ArrayList<>();
    Request r = request == null ? new Request(null, null, null) : request;
    LocalDate from = date("from", r.from(), problems);
    LocalDate to = date("to", r.to(), problems);
    String reason = ClosureRequests.reason(r.reason(), problems);
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        problems.add(new Problem.Violation("to", "must not be before from"));
      } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
        problems.add(new Problem.Violation("to", "the range may span at most 366 days"));
      }
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
    return rejudge.rejudge(from, to, reason, ClosureRequests.who(token));
  }

  @GET
  public List<ClockRepairStore.Rejudged> latest() {
    return store.rejudgings(20);
  }

  private static LocalDate date(String field, String value, List<Problem.Violation> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new Problem.Violation(field, "is required"));
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      problems.add(new Problem.Violation(field, "must be a date YYYY-MM-DD"));
      return null;
    }
  }
}
