package com.acme.rma.intake.adapters.registry;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The address-registry's lock API, as the registry serves it. */
@Path("/api/v1/sites")
@RegisterRestClient(configKey = "address-registry")
public interface RegistryApi {

  /** The request body of a lock: the RMA and the partner it is for. */
  record LockBody(String rmaNumber, String partnerId) {}

  @POST
  @Path("/{serialNumber}/lock")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Response lock(
      @PathParam("serialNumber") String serialNumber,
      @HeaderParam("Authorization") String authorization,
      LockBody body);

  @DELETE
  @Path("/{serialNumber}/lock/{rmaNumber}")
  Response release(
      @PathParam("serialNumber") String serialNumber,
      @PathParam("rmaNumber") String rmaNumber,
      @HeaderParam("Authorization") String authorization);
}
