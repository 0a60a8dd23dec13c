package com.acme.rma.registry.adapters.rest;

import com.acme.rma.platform.problem.ProblemException;
import com.acme.rma.platform.rest.FieldLimits;
import com.acme.rma.platform.rest.Page;
import com.acme.rma.platform.security.Caller;
import com.acme.rma.registry.adapters.rest.Responses.LockResponse;
import com.acme.rma.registry.adapters.rest.Responses.SiteResponse;
import com.acme.rma.registry.application.ForceReleaseLock;
import com.acme.rma.registry.application.ForceReleases;
import com.acme.rma.registry.application.LockSiteAddress;
import com.acme.rma.registry.application.ReadSite;
import com.acme.rma.registry.application.RegisterSiteAddress;
import com.acme.rma.registry.application.Requester;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Registered Gold Plus addresses: the owning partner or ops registers and reads them; rma-intake
 * alone (role {@code rma-service}, its own token) locks one for an RMA and releases it to
 * compensate; ops may force-release a lock, recorded with who, when and why.
 */
@Path("/api/v1/sites/{serialNumber}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.OPS, Caller.PARTNER})
public class SiteResource {

  private final RegisterSiteAddress register;
  private final ReadSite read;
  private final LockSiteAddress locks;
  private final ForceReleaseLock forceReleases;
  private final Caller caller;

  public SiteResource(
      RegisterSiteAddress register,
      ReadSite read,
      LockSiteAddress locks,
      ForceReleaseLock forceReleases,
      Caller caller) {
    this.register = register;
    this.read = read;
    this.locks = locks;
    this.forceReleases = forceReleases;
    this.caller = caller;
  }

  /** Registers or changes the address: 200 with the site, also for the first registration. */
  @APIResponseSchema(
      value = SiteResponse.class,
      responseCode = "200",
      responseDescription = "the site, also for the first registration")
  @APIResponse(
      responseCode = "404",
      description = "SITE_NOT_FOUND: a partner that does not own the appliance")
  @APIResponse(
      responseCode = "409",
      description = "ADDRESS_LOCKED: an RMA holds the address (member rmaNumber)")
  @PUT
  @Path("/address")
  public SiteResponse registerAddress(
      @PathParam("serialNumber")
          @Pattern(regexp = FieldLimits.NAME_ID, message = FieldLimits.NAME_ID_MESSAGE)
          String serialNumber,
      @Valid @NotNull AddressBody body) {
    RegisterSiteAddress.Outcome outcome =
        register.register(requester(), serialNumber, body.toDomain());
    if (outcome instanceof RegisterSiteAddress.Outcome.Saved saved) {
      return SiteResponse.of(saved.site());
    }
    if (outcome instanceof RegisterSiteAddress.Outcome.Locked locked) {
      throw addressLocked(serialNumber, locked.rmaNumber());
    }
    throw siteNotFound(serialNumber);
  }

  @APIResponseSchema(
      value = SiteResponse.class,
      responseCode = "200",
      responseDescription = "the site")
  @APIResponse(responseCode = "404", description = "SITE_NOT_FOUND")
  @GET
  public SiteResponse site(
      @PathParam("serialNumber")
          @Pattern(regexp = FieldLimits.NAME_ID, message = FieldLimits.NAME_ID_MESSAGE)
          String serialNumber) {
    return read.read(requester(), serialNumber)
        .map(SiteResponse::of)
        .orElseThrow(() -> siteNotFound(serialNumber));
  }

  /** Locks the current address version for an RMA; the same RMA again gets the same lock. */
  @APIResponseSchema(
      value = LockResponse.class,
      responseCode = "200",
      responseDescription = "the lock for this RMA (the same lock again for the same RMA)")
  @APIResponse(responseCode = "404", description = "SITE_NOT_FOUND: no registered address")
  @APIResponse(
      responseCode = "409",
      description =
          "ADDRESS_LOCKED (member rmaNumber: the holder), or SITE_OWNER_NOT_RECORDED: a registered site whose owner this registry does not (yet) record as the caller")
  @APIResponse(
      responseCode = "403",
      description = "FORBIDDEN: any caller but rma-intake's service identity")
  @POST
  @Path("/lock")
  @RolesAllowed(Caller.SERVICE)
  public LockResponse lock(
      @PathParam("serialNumber")
          @Pattern(regexp = FieldLimits.NAME_ID, message = FieldLimits.NAME_ID_MESSAGE)
          String serialNumber,
      @Valid @NotNull LockBody body) {
    Requester forPartner =
        body.partnerId() == null ? Requester.operations() : Requester.partner(body.partnerId());
    LockSiteAddress.Outcome outcome = locks.lock(forPartner, serialNumber, body.rmaNumber());
    if (outcome instanceof LockSiteAddress.Outcome.Granted granted) {
      return LockResponse.of(granted.site(), granted.lock());
    }
    if (outcome instanceof LockSiteAddress.Outcome.HeldByOther other) {
      throw addressLocked(serialNumber, other.rmaNumber());
    }
    if (outcome instanceof LockSiteAddress.Outcome.OwnerNotRecorded) {
      throw ownerNotRecorded(serialNumber);
    }
    throw siteNotFound(serialNumber);
  }

  /** Releases the RMA's lock: 204, also when that RMA holds none. */
  @APIResponse(responseCode = "204", description = "released, or that RMA held no lock")
  @APIResponse(responseCode = "404", description = "SITE_NOT_FOUND")
  @APIResponse(responseCode = "409", description = "SITE_OWNER_NOT_RECORDED")
  @APIResponse(
      responseCode = "403",
      description = "FORBIDDEN: any caller but rma-intake's service identity")
  @DELETE
  @Path("/lock/{rmaNumber}")
  @RolesAllowed(Caller.SERVICE)
  public Response unlock(
      @PathParam("serialNumber")
          @Pattern(regexp = FieldLimits.NAME_ID, message = FieldLimits.NAME_ID_MESSAGE)
          String serialNumber,
      @PathParam("rmaNumber")
          @Pattern(regexp = FieldLimits.RMA_NUMBER, message = FieldLimits.RMA_NUMBER_MESSAGE)
          String rmaNumber) {
    return switch (locks.unlock(Requester.operations(), serialNumber, rmaNumber)) {
      case DONE -> Response.noContent().build();
      case NO_SITE -> throw siteNotFound(serialNumber);
      case OWNER_NOT_RECORDED -> throw ownerNotRecorded(serialNumber);
    };
  }

  /**
   * Ops release the lock whatever RMA holds it, with a reason: recorded (who, when, why) and
   * announced like a normal release. The RMA itself stays as it is.
   */
  @APIResponseSchema(
      value = ForceReleaseResponse.class,
      responseCode = "200",
      responseDescription = "the recorded force-release")
  @APIResponse(responseCode = "404", description = "SITE_NOT_FOUND")
  @APIResponse(responseCode = "409", description = "SITE_NOT_LOCKED: no lock to release")
  @POST
  @Path("/lock/force-release")
  @RolesAllowed(Caller.OPS)
  public ForceReleaseResponse forceRelease(
      @PathParam("serialNumber")
          @Pattern(regexp = FieldLimits.NAME_ID, message = FieldLimits.NAME_ID_MESSAGE)
          String serialNumber,
      @Valid @NotNull ForceReleaseBody body) {
    ForceReleaseLock.Outcome outcome =
        forceReleases.release(serialNumber, caller.subject(), body.reason().strip());
    if (outcome instanceof ForceReleaseLock.Outcome.Released released) {
      return ForceReleaseResponse.of(released.record());
    }
    if (outcome instanceof ForceReleaseLock.Outcome.NotLocked) {
      throw ProblemException.conflict(
          "SITE_NOT_LOCKED", "The address of appliance " + serialNumber + " is not locked.");
    }
    throw siteNotFound(serialNumber);
  }

  /** The site's force-releases, newest first. */
  @APIResponse(responseCode = "200", description = "{items, page, size, total}")
  @GET
  @Path("/lock/force-releases")
  @RolesAllowed(Caller.OPS)
  public Page<ForceReleaseResponse> forceReleases(
      @PathParam("serialNumber")
          @Pattern(regexp = FieldLimits.NAME_ID, message = FieldLimits.NAME_ID_MESSAGE)
          String serialNumber,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Page.Request request = Page.Request.parse(page, size);
    ForceReleaseLock.History history =
        forceReleases.history(serialNumber, request.offset(), request.size());
    return new Page<>(
        history.items().stream().map(ForceReleaseResponse::of).toList(),
        request.page(),
        request.size(),
        history.total());
  }

  /**
   * A recorded force-release: {@code {serialNumber, rmaNumber, releasedBy, releasedAt, reason}}.
   */
  public record ForceReleaseResponse(
      String serialNumber, String rmaNumber, String releasedBy, Instant releasedAt, String reason) {
    static ForceReleaseResponse of(ForceReleases.Record record) {
      return new ForceReleaseResponse(
          record.serialNumber(),
          record.rmaNumber(),
          record.releasedBy(),
          record.releasedAt(),
          record.reason());
    }
  }

  private Requester requester() {
    return new Requester(caller.isOps(), caller.partnerId());
  }

  private static ProblemException siteNotFound(String serialNumber) {
    return ProblemException.notFound(
        "SITE_NOT_FOUND", "No registered site for appliance " + serialNumber + ".");
  }

  /**
   * The lock API's answer when the site exists but this registry's copy of its owner is not the
   * caller: never "no site" (intake decides ownership; the copy may lag behind an entitlement that
   * just moved). It tells a caller that the appliance has a registered site, nothing more.
   */
  private static ProblemException ownerNotRecorded(String serialNumber) {
    return ProblemException.conflict(
        "SITE_OWNER_NOT_RECORDED",
        "Appliance "
            + serialNumber
            + " has a registered site, but the registry does not (yet) record the caller as its"
            + " owner; ownership changes reach it from rma-intake within seconds.");
  }

  private static ProblemException addressLocked(String serialNumber, String rmaNumber) {
    return ProblemException.conflict(
        "ADDRESS_LOCKED",
        "The address of appliance "
            + serialNumber
            + " is locked by "
            + rmaNumber
            + " until that RMA is closed or cancelled.",
        Map.of("rmaNumber", rmaNumber));
  }
}
