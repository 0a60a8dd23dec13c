package com.acme.rma.platform.contract;

import com.acme.rma.contract.AsyncApi;
import com.acme.rma.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /q/asyncapi}: the AsyncAPI 3 document of every topic (the contract's, schemas
 * inlined), public like {@code /q/openapi}. YAML by default, JSON with {@code ?format=json}.
 */
@Path("/q/asyncapi")
@PermitAll
public class AsyncApiResource {

  public static final String APPLICATION_YAML = "application/yaml";

  // the document never changes while the service runs: rendered once, on first use
  private static volatile String yaml;
  private static volatile String json;

  @GET
  public Response document(@QueryParam("format") String format) {
    if (format == null || format.equalsIgnoreCase("yaml")) {
      if (yaml == null) {
        yaml = AsyncApi.bundledYaml();
      }
      return Response.ok(yaml, APPLICATION_YAML + ";charset=UTF-8").build();
    }
    if (format.equalsIgnoreCase("json")) {
      if (json == null) {
        json = AsyncApi.bundledJson();
      }
      return Response.ok(json, MediaType.APPLICATION_JSON + ";charset=UTF-8").build();
    }
    throw ProblemException.invalid("format", "must be yaml or json");
  }
}
