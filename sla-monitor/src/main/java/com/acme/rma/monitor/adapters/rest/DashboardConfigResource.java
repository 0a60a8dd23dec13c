package com.acme.rma.monitor.adapters.rest;

import com.acme.rma.calendar.BusinessCalendar;
import com.acme.rma.calendar.sla.SlaPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the ops dashboard needs to know: intake's URL (for the RMA timelines and the paused
 * webhooks), the business calendar and its zone (times read {@code 2026-12-01 11:29 JST}).
 */
@Path("/api/v1/dashboard/config")
@RolesAllowed("ops")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardConfigResource {

  public record Config(
      String intakeUrl, String calendar, String zone, String zoneLabel, LocalDate today) {}

  private final SlaPolicy policy;
  private final Clock clock;
  private final String intakeUrl;

  public DashboardConfigResource(
      SlaPolicy policy,
      Clock clock,
      @ConfigProperty(name = "rma.dashboard.intake-url") String intakeUrl) {
    this.policy = policy;
    this.clock = clock;
    this.intakeUrl = intakeUrl;
  }

  @GET
  public Config config() {
    BusinessCalendar calendar = policy.businessDays();
    String label =
        DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH)
            .format(clock.instant().atZone(calendar.zone()));
    return new Config(
        intakeUrl.replaceAll("/+$", ""),
        calendar.id(),
        calendar.zone().getId(),
        label,
        LocalDate.ofInstant(clock.instant(), calendar.zone()));
  }
}
