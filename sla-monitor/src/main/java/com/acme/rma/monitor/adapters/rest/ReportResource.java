package com.acme.rma.monitor.adapters.rest;

import com.acme.rma.monitor.application.ReportStore;
import com.acme.rma.monitor.application.SlaReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** SLA compliance reports for ops: JSON, or CSV with {@code Accept: text/csv}. */
@Path("/api/v1/reports/sla")
@RolesAllowed("ops")
public class ReportResource {

  static final String CSV = "text/csv";
  static final int MAX_DAYS = 366;

  /** The CSV header: the same columns as the JSON rows. */
  static final String CSV_HEADER =
      "group,met,breached,cancelled,open,compliancePercent,timeToShipP50Seconds,"
          + "timeToShipP90Seconds,timeToDeliverP50Seconds,timeToDeliverP90Seconds,"
          + "totalLatenessSeconds,meanLatenessSeconds";

  private final SlaReports reports;

  public ReportResource(SlaReports reports) {
    this.reports = reports;
  }

  public record Report(
      LocalDate from, LocalDate to, String zone, String groupBy, List<ReportStore.Row> rows) {}

  public record Daily(String zone, List<ReportStore.Day> days) {}

  @APIResponseSchema(value = Report.class, responseCode = "200", responseDescription = "the report")
  @GET
  @Produces({MediaType.APPLICATION_JSON, CSV})
  public Response report(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("groupBy") String groupBy,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    QueryParams params = new QueryParams();
    LocalDate start = params.required("from", from, LocalDate::parse, "must be a date YYYY-MM-DD");
    LocalDate end = params.required("to", to, LocalDate::parse, "must be a date YYYY-MM-DD");
    ReportStore.GroupBy by =
        QueryParams.absent(groupBy)
            ? ReportStore.GroupBy.level
            : params.optionalEnum("groupBy", groupBy, ReportStore.GroupBy.class);
    if (start != null && end != null) {
      if (end.isBefore(start)) {
        params.invalid("to", "must not be before from");
      } else if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
        params.invalid("to", "the range may span at most " + MAX_DAYS + " days");
      }
    }
    params.check();
    List<ReportStore.Row> rows = reports.report(start, end, by);
    if (accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV)) {
      return Response.ok(csv(rows), CSV + ";charset=utf-8").build();
    }
    return Response.ok(
            new Report(start, end, reports.zone().getId(), by.name(), rows),
            MediaType.APPLICATION_JSON)
        .build();
  }

  @APIResponseSchema(value = Daily.class, responseCode = "200", responseDescription = "per day")
  @GET
  @Path("/daily")
  @Produces(MediaType.APPLICATION_JSON)
  public Daily daily(@QueryParam("days") String days) {
    QueryParams params = new QueryParams();
    Integer n =
        QueryParams.absent(days) ? Integer.valueOf(14) : params.requiredInt("days", days, 1, 90);
    params.check();
    return new Daily(reports.zone().getId(), reports.daily(n));
  }

  static String csv(List<ReportStore.Row> rows) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
    for (ReportStore.Row r : rows) {
      out.append(cell(r.group()))
          .append(',')
          .append(r.met())
          .append(',')
          .append(r.breached())
          .append(',')
          .append(r.cancelled())
          .append(',')
          .append(r.open())
          .append(',')
          .append(num(r.compliancePercent()))
          .append(',')
          .append(num(r.timeToShipP50()))
          .append(',')
          .append(num(r.timeToShipP90()))
          .append(',')
          .append(num(r.timeToDeliverP50()))
          .append(',')
          .append(num(r.timeToDeliverP90()))
          .append(',')
          .append(r.totalLatenessSeconds())
          .append(',')
          .append(num(r.meanLatenessSeconds()))
          .append("\r\n");
    }
    return out.toString();
  }

  private static String num(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
  }

  /** RFC 4180: quoted when it holds a comma, quote or line break; a leading =+-@ is defused. */
  private static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
