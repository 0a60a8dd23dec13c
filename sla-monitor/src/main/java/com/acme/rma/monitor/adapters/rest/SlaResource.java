package com.acme.rma.monitor.adapters.rest;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.monitor.application.SlaClockStore;
import com.acme.rma.monitor.application.SlaQueries;
import com.acme.rma.monitor.domain.SlaState;
import com.acme.rma.platform.problem.ProblemException;
import com.acme.rma.platform.rest.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** SLA clocks, for ops. */
@Path("/api/v1/slas")
@RolesAllowed("ops")
@Produces(MediaType.APPLICATION_JSON)
public class SlaResource {

  private final SlaQueries queries;

  public SlaResource(SlaQueries queries) {
    this.queries = queries;
  }

  @APIResponseSchema(value = SlaView.class, responseCode = "200", responseDescription = "the clock")
  @APIResponse(responseCode = "404", description = "SLA_NOT_FOUND")
  @GET
  @Path("/{rmaNumber}")
  public SlaView get(@PathParam("rmaNumber") String rmaNumber) {
    return queries
        .get(rmaNumber)
        .map(SlaView::of)
        .orElseThrow(
            () ->
                ProblemException.notFound("SLA_NOT_FOUND", "No SLA clock for " + rmaNumber + "."));
  }

  /**
   * Clocks filtered by state and level; ordered by dueAt, most urgent first ({@code sort=dueAt},
   * the default) or latest first ({@code sort=-dueAt}).
   */
  @GET
  public Page<SlaView> list(
      @QueryParam("state") String state,
      @QueryParam("serviceLevel") String serviceLevel,
      @QueryParam("sort") String sort,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    QueryParams params = new QueryParams();
    SlaState wantedState = params.optionalEnum("state", state, SlaState.class);
    ServiceLevel wantedLevel =
        params.optionalEnum("serviceLevel", serviceLevel, ServiceLevel.class);
    boolean newestDueFirst = false;
    if (!QueryParams.absent(sort)) {
      switch (sort.trim()) {
        case "dueAt" -> newestDueFirst = false;
        case "-dueAt" -> newestDueFirst = true;
        default -> params.invalid("sort", "must be dueAt or -dueAt");
      }
    }
    params.check();
    Page.Request request = Page.Request.parse(page, size);
    return queries
        .list(new SlaClockStore.Filter(wantedState, wantedLevel), newestDueFirst, request)
        .map(SlaView::of);
  }

  /** How many clocks are in each state, at each level: every combination, zeros included. */
  @APIResponseSchema(
      value = Summary.class,
      responseCode = "200",
      responseDescription = "counts per state and level")
  @GET
  @Path("/summary")
  public Summary summary() {
    Map<SlaState, Map<ServiceLevel, Long>> counts = new EnumMap<>(SlaState.class);
    for (SlaState s : SlaState.values()) {
      Map<ServiceLevel, Long> byLevel = new EnumMap<>(ServiceLevel.class);
      for (ServiceLevel l : ServiceLevel.values()) {
        byLevel.put(l, 0L);
      }
      counts.put(s, byLevel);
    }
    long total = 0;
    for (SlaClockStore.Count c : queries.countByStateAndLevel()) {
      counts.get(c.state()).put(c.serviceLevel(), c.count());
      total += c.count();
    }
    return new Summary(total, counts);
  }

  /** {@code counts[state][serviceLevel]}. */
  public record Summary(long total, Map<SlaState, Map<ServiceLevel, Long>> counts) {}
}
