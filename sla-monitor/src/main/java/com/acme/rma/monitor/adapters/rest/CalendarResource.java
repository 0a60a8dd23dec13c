package com.acme.rma.monitor.adapters.rest;

import com.acme.rma.calendar.BusinessCalendar;
import com.acme.rma.calendar.ClosedDay;
import com.acme.rma.monitor.application.Calendars;
import com.acme.rma.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Business calendars (rules.md §3), for ops. */
@Path("/api/v1/calendars/{id}")
@RolesAllowed("ops")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

  static final int MAX_BUSINESS_DAYS = 250;

  private final Calendars calendars;

  public CalendarResource(Calendars calendars) {
    this.calendars = calendars;
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
