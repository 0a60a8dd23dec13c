package com.acme.rma.dispatch.adapters.rest;

import com.acme.rma.platform.problem.Problem;
import com.acme.rma.platform.problem.ProblemMappers;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * JSON of the wrong shape ({@code []} for an object, {@code {}} for a string) as a problem. Quarkus
 * maps {@link MismatchedInputException} itself, to a bare 400 without a body, and that exact-type
 * mapper wins over the platform kit's broader {@code JsonMappingException} one; this takes it back.
 * Subtypes the kit maps more precisely (unknown enum values, wrong formats) still reach the kit.
 */
public class MismatchedJsonProblems {

  /**
   * Priority 2: above Quarkus' own mapper (5100), below the platform kit's priority 1, so that the
   * kit's answer wins once the kit maps this type itself and this class can then be deleted.
   */
  @ServerExceptionMapper(priority = 2)
  public Response mismatchedInput(MismatchedInputException e) {
    String field = path(e);
    if (field.isEmpty()) {
      return ProblemMappers.respond(
          Problem.of(
              400,
              "MALFORMED_JSON",
              "Bad request",
              "The body must be a JSON object of the documented shape."));
    }
    return ProblemMappers.respond(
        new Problem(
            Problem.typeFor("VALIDATION_FAILED"),
            "Invalid request",
            400,
            "The request has invalid fields.",
            "VALIDATION_FAILED",
            List.of(new Problem.Violation(field, "has the wrong type or format")),
            Map.of()));
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
