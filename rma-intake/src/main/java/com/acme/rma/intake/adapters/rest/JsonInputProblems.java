package com.acme.rma.intake.adapters.rest;

import com.acme.rma.platform.problem.Problem;
import com.acme.rma.platform.problem.ProblemMappers;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Completes the platform kit's JSON mappers: a member of the wrong shape (a string where an object
 * belongs, an object where a list belongs) raises Jackson's {@link MismatchedInputException}, which
 * Quarkus' own mapper would answer with a 400 that is not problem+json. Answered here like the kit
 * answers a wrong type: 400 VALIDATION_FAILED naming the member.
 */
public class JsonInputProblems {

  @ServerExceptionMapper(priority = 1)
  public Response mismatchedInput(MismatchedInputException e) {
    String field = path(e);
    if (field.isEmpty()) {
      return ProblemMappers.respond(
          Problem.of(400, "MALFORMED_JSON", "Bad request", "The body is not valid JSON."));
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
