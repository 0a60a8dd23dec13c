package com.acme.rma.platform;

import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.platform.outbox.OutgoingEvent;
import com.acme.rma.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.Map;

/** A tiny API that exercises the kit the way the services use it. */
@Path("/probe")
public class ProbeResource {

  public enum Colour {
    RED,
    GREEN
  }

  public record Nested(@NotBlank String country) {}

  public record ProbeRequest(
      @NotNull Colour colour,
      @NotNull @Size(max = 10) String name,
      Instant at,
      @Valid Nested nested) {}

  private final Outbox outbox;

  public ProbeResource(Outbox outbox) {
    this.outbox = outbox;
  }

  @POST
  @RolesAllowed({"ops", "partner"})
  @Transactional
  public Map<String, Object> accept(@Valid @NotNull ProbeRequest request) {
    outbox.add(
        new OutgoingEvent("platform.probe.out", request.name(), "probe.accepted.v1", request));
    return Map.of("name", request.name(), "at", String.valueOf(request.at()));
  }

  @POST
  @Path("/conflict/{id}")
  @RolesAllowed("ops")
  public void conflict(@PathParam("id") String id) {
    throw ProblemException.conflict(
        "THING_LOCKED", "thing " + id + " is locked", Map.of("thing", id));
  }
}
