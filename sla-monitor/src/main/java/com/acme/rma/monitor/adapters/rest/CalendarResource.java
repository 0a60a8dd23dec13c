package com.acme.rma.monitor.adapters.rest;

import com.acme.rma.calendar.BusinessCalendar;
import com.acme.rma.calendar.ClosedDay;
import com.acme.rma.monitor.application.CalendarChangeStore;
import com.acme.rma.monitor.application.Calendars;
import com.acme.rma.monitor.application.ManageClosures;
import com.acme.rma.platform.problem.Problem;
import com.acme.rma.platform.problem.ProblemException;
import com.acme.rma.platform.rest.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Business calendars (rules.md §3), for ops. */
@Path("/api/v1/calendars/{id}")
@RolesAllowed("ops")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

  static final int MAX_BUSINESS_DAYS = 250;

  private final Calendars calendars;
  private final ManageClosures closures;
  private final JsonWebToken token;

  public CalendarResource(Calendars calendars, ManageClosures closures, JsonWebToken token) {
    this.calendars = calendars;
    this.closures = closures;
    this.token = token;
  }

  // ---------------------------------------------------------------- closures by ops

  /** {@code {reason}}: why the day is closed (1–200 characters). */
  public record ClosureRequest(String reason) {}

  public record Closure(LocalDate date, String reason) {}

  public record Closures(String calendar, List<Closure> closures) {}

  /** {@code {from, to, reason}}: the days {@code from}..{@code to} (inclusive), and why. */
  public record RangeRequest(String from, String to, String reason) {}

  /** A change: its first and last day ({@code date} = {@code lastDate} for one day). */
  public record Change(
      LocalDate date,
      LocalDate lastDate,
      String calendar,
      boolean closed,
      String reason,
      Long changeNumber) {}

  public record ChangeView(
      long changeNumber,
      String calendar,
      String action,
      LocalDate date,
      LocalDate lastDate,
      String reason,
      String changedBy,
      Instant changedAt,
      Integer clocksMoved,
      Instant repairedAt) {}

  @APIResponseSchema(
      value = Closures.class,
      responseCode = "200",
      responseDescription = "the days ops closed")
  @APIResponse(responseCode = "404", description = "CALENDAR_NOT_FOUND")
  @GET
  @Path("/closures")
  public Closures closures(@PathParam("id") String id) {
    String calendarId = closures.calendar(id).id();
    return new Closures(
        calendarId,
        closures.closures(calendarId).stream()
            .map(c -> new Closure(c.from(), c.reason()))
            .toList());
  }

  @APIResponseSchema(
      value = Change.class,
      responseCode = "200",
      responseDescription = "the change (or, with dryRun=true, {clocksToMove, sample})")
  @APIResponse(responseCode = "404", description = "CALENDAR_NOT_FOUND")
  @APIResponse(responseCode = "422", description = "CLOSURE_IN_THE_PAST")
  @PUT
  @Path("/closures/{date}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Object close(
      @PathParam("id") String id,
      @PathParam("date") String date,
      @QueryParam("dryRun") String dryRun,
      ClosureRequest body) {
    return change(
        id, "date", date, "date", date, body == null ? null : body.reason(), false, dryRun);
  }

  @APIResponseSchema(
      value = Change.class,
      responseCode = "200",
      responseDescription = "the change (or, with dryRun=true, {clocksToMove, sample})")
  @APIResponse(responseCode = "404", description = "CALENDAR_NOT_FOUND, CLOSURE_NOT_FOUND")
  @APIResponse(responseCode = "422", description = "CLOSURE_IN_THE_PAST")
  @DELETE
  @Path("/closures/{date}")
  public Object reopen(
      @PathParam("id") String id,
      @PathParam("date") String date,
      @QueryParam("dryRun") String dryRun,
      @QueryParam("reason") String reason) {
    return change(id, "date", date, "date", date, reason, true, dryRun);
  }

  @APIResponseSchema(
      value = Change.class,
      responseCode = "200",
      responseDescription = "the change (or, with dryRun=true, {clocksToMove, sample})")
  @APIResponse(responseCode = "404", description = "CALENDAR_NOT_FOUND")
  @APIResponse(responseCode = "422", description = "CLOSURE_IN_THE_PAST")
  @POST
  @Path("/closures")
  @Consumes(MediaType.APPLICATION_JSON)
  public Object closeRange(
      @PathParam("id") String id, @QueryParam("dryRun") String dryRun, RangeRequest body) {
    return change(
        id,
        "from",
        body == null ? null : body.from(),
        "to",
        body == null ? null : body.to(),
        body == null ? null : body.reason(),
        false,
        dryRun);
  }

  @APIResponseSchema(
      value = Change.class,
      responseCode = "200",
      responseDescription = "the change (or, with dryRun=true, {clocksToMove, sample})")
  @APIResponse(responseCode = "404", description = "CALENDAR_NOT_FOUND, CLOSURE_NOT_FOUND")
  @APIResponse(responseCode = "422", description = "CLOSURE_IN_THE_PAST")
  @DELETE
  @Path("/closures")
  public Object reopenRange(
      @PathParam("id") String id,
      @QueryParam("from") String fromDate,
      @QueryParam("to") String toDate,
      @QueryParam("dryRun") String dryRun,
      @QueryParam("reason") String reason) {
    return change(id, "from", fromDate, "to", toDate, reason, true, dryRun);
  }

  /**
   * Closes (or reopens) the days {@code from}..{@code to} named by the request's fields (one field
   * for a single day); a reason is required to close, optional to reopen. All problems at once, an
   * unknown calendar first.
   */
  private Object change(
      String id,
      String fromField,
      String from,
      String toField,
      String to,
      String reasonText,
      boolean reopen,
      String dryRun) {
    List<Problem.Violation> problems = new ArrayList<>();
    LocalDate first = day(fromField, from, problems);
    LocalDate last = toField.equals(fromField) ? first : day(toField, to, problems);
    String reason =
        reopen ? withdrawal(reasonText, problems) : ClosureRequests.reason(reasonText, problems);
    boolean dry = dryRun(dryRun, problems);
    if (!problems.isEmpty()) {
      closures.calendar(id); // an unknown calendar is a 404 first
      throw ProblemException.invalid(problems);
    }
    String who = ClosureRequests.who(token);
    return answer(
        reopen
            ? closures.reopen(id, first, last, reason, who, dry)
            : closures.close(id, first, last, reason, who, dry));
  }

  @GET
  @Path("/changes")
  public Page<ChangeView> changes(
      @PathParam("id") String id,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Page.Request request = Page.Request.parse(page, size);
    CalendarChangeStore.Slice slice = closures.changes(id, request.offset(), request.size());
    return new Page<>(
        slice.items().stream()
            .map(
                c ->
                    new ChangeView(
                        c.number(),
                        c.calendarId(),
                        c.action().name(),
                        c.day(),
                        c.lastDay(),
                        c.reason(),
                        c.changedBy(),
                        c.changedAt(),
                        c.clocksMoved(),
                        c.repairedAt()))
            .toList(),
        request.page(),
        request.size(),
        slice.total());
  }

  private static Object answer(ManageClosures.Outcome outcome) {
    if (outcome.dryRun() != null) {
      return outcome.dryRun();
    }
    return new Change(
        outcome.date(),
        outcome.lastDate(),
        outcome.calendar(),
        outcome.closed(),
        outcome.reason(),
        outcome.changeNumber());
  }

  private static LocalDate day(String field, String value, List<Problem.Violation> problems) {
    try {
      return LocalDate.parse(value);
    } catch (RuntimeException e) {
      problems.add(new Problem.Violation(field, "must be a date YYYY-MM-DD"));
      return null;
    }
  }

  /** Why a closure is withdrawn: optional ("Closure withdrawn"), else 1–200 characters. */
  private static String withdrawal(String reason, List<Problem.Violation> problems) {
    return reason == null || reason.isBlank()
        ? "Closure withdrawn"
        : ClosureRequests.reason(reason, problems);
  }

  private static boolean dryRun(String value, List<Problem.Violation> problems) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    problems.add(new Problem.Violation("dryRun", "must be true or false"));
    return false;
  }

  @APIResponseSchema(
      value = Holidays.class,
      responseCode = "200",
      responseDescription = "the closed days of the year")
  @APIResponse(responseCode = "404", description = "CALENDAR_NOT_FOUND")
  @GET
  @Path("/holidays")
  public Holidays holidays(@PathParam("id") String id, @QueryParam("year") String year) {
    BusinessCalendar calendar = calendar(id);
    QueryParams params = new QueryParams();
    Integer y = params.requiredInt("year", year, Calendars.FIRST_YEAR, Calendars.LAST_YEAR);
    params.check();
    List<Day> days =
        calendars.closedDays(calendar, y).stream()
            .map(d -> new Day(d.date(), d.name(), d.kind()))
            .toList();
    return new Holidays(calendar.id(), y, days);
  }

  @APIResponseSchema(
      value = Deadline.class,
      responseCode = "200",
      responseDescription = "the deadline")
  @APIResponse(responseCode = "404", description = "CALENDAR_NOT_FOUND")
  @GET
  @Path("/deadline")
  public Deadline deadline(
      @PathParam("id") String id,
      @QueryParam("from") String from,
      @QueryParam("businessDays") String businessDays) {
    BusinessCalendar calendar = calendar(id);
    QueryParams params = new QueryParams();
    Instant start =
        params.required(
            "from",
            from,
            CalendarResource::rfc3339,
            "must be an RFC 3339 instant with an offset, e.g. 2026-05-01T10:00:00+09:00");
    Integer n = params.requiredInt("businessDays", businessDays, 1, MAX_BUSINESS_DAYS);
    params.check();
    try {
      return new Deadline(calendar.id(), start, n, calendars.deadline(calendar, start, n));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "from",
          "the deadline must fall within the years the calendar covers ("
              + Calendars.FIRST_YEAR
              + "-"
              + Calendars.LAST_YEAR
              + ")");
    }
  }

  private BusinessCalendar calendar(String id) {
    return calendars
        .find(id)
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "CALENDAR_NOT_FOUND", "No business calendar " + id + "."));
  }

  /**
   * RFC 3339: a date-time with {@code Z} or a numeric offset ({@code T}/{@code Z} in either case).
   * A {@code +} that arrived unencoded in the query string reads as a space and is taken back.
   */
  static Instant rfc3339(String text) {
    String normalized = text.replace(' ', '+').toUpperCase(Locale.ROOT);
    return OffsetDateTime.parse(normalized).toInstant();
  }

  public record Day(LocalDate date, String name, ClosedDay.Kind kind) {}

  public record Holidays(String calendar, int year, List<Day> closedDays) {}

  public record Deadline(String calendar, Instant from, int businessDays, Instant dueAt) {}
}
