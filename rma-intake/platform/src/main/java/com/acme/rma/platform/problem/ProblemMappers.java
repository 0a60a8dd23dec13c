package com.acme.rma.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpClosedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves a service as problem+json with a stable code: bad input is always a 4xx, and
 * nothing unexpected ever shows a stack trace to the caller.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @Inject SecurityIdentity identity;

  /** The {@code Retry-After} of a 503 answered while the service's database is unreachable. */
  @ConfigProperty(name = "rma.problem.database-retry-after-seconds", defaultValue = "5")
  int databaseRetryAfterSeconds;

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    Response.ResponseBuilder response = builder(e.problem());
    e.headers().forEach(response::header);
    return response.build();
  }

  @ServerExceptionMapper(priority = 1)
  public Response invalidValue(InvalidFormatException e) {
    String field = path(e);
    String expected =
        e.getTargetType() != null && e.getTargetType().isEnum()
            ? "must be one of " + Arrays.toString(e.getTargetType().getEnumConstants())
            : "has the wrong type or format";
    return respond(validation(List.of(new Problem.Violation(field, expected))));
  }

  @ServerExceptionMapper(priority = 1)
  public Response unknownField(UnrecognizedPropertyException e) {
    return respond(validation(List.of(new Problem.Violation(path(e), "is not a known field"))));
  }

  /** Quarkus maps this exact type itself to a bare 400; JSON of the wrong shape is ours too. */
  @ServerExceptionMapper(priority = 1)
  public Response mismatchedInput(MismatchedInputException e) {
    return unreadableJson(e);
  }

  @ServerExceptionMapper(priority = 1)
  public Response unreadableJson(JsonMappingException e) {
    String field = path(e);
    if (field.isEmpty()) {
      return respond(malformed());
    }
    return respond(
        validation(List.of(new Problem.Violation(field, "has the wrong type or format"))));
  }

  @ServerExceptionMapper(priority = 1)
  public Response malformedJson(JsonProcessingException e) {
    return respond(malformed());
  }

  @ServerExceptionMapper(priority = 1)
  public Response constraintViolations(ConstraintViolationException e) {
    List<Problem.Violation> violations =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.Violation(field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.Violation::field))
            .collect(Collectors.toList());
    return respond(validation(violations));
  }

  @ServerExceptionMapper(priority = 1)
  public Response unauthorized(UnauthorizedException e) {
    return unauthenticated();
  }

  @ServerExceptionMapper(priority = 1)
  public Response authenticationFailed(AuthenticationFailedException e) {
    return unauthenticated();
  }

  @ServerExceptionMapper(priority = 1)
  public Response authenticationIncomplete(AuthenticationCompletionException e) {
    return unauthenticated();
  }

  @ServerExceptionMapper(priority = 1)
  public Response forbidden(ForbiddenException e) {
    if (!identity.isAnonymous() && identity.hasRole("customer")) {
      // End customers are served by their reseller, never by the vendor directly (rules §1).
      return respond(
          Problem.of(
              403,
              "CONTACT_YOUR_RESELLER",
              "Forbidden",
              "End customers cannot request replacements directly: please contact the reseller"
                  + " (partner) that sold you the appliance."));
    }
    return respond(
        Problem.of(403, "FORBIDDEN", "Forbidden", "Your role may not perform this operation."));
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    // the JSON reader reports unparseable bodies as a bare 400 around Jackson's exception
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonMappingException mapping) {
        return unreadableJson(mapping);
      }
      if (cause instanceof JsonProcessingException processing) {
        return malformedJson(processing);
      }
    }
    int status = e.getResponse().getStatus();
    if (status >= 500 && DatabaseUnavailable.isCause(e)) {
      return unexpected(e);
    }
    if (status >= 500) {
      LOG.error("request failed", e);
      return respond(internalError());
    }
    return respond(Problem.of(status, codeFor(status), reason(status), detailFor(e, status)));
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e) {
    if (DatabaseUnavailable.isCause(e)) {
      // a known outage, not a bug: one line, no trace (the pool and Hibernate log the cause)
      LOG.warnf("database unavailable, answering 503: %s", e.getMessage());
      return problem(databaseUnavailable(databaseRetryAfterSeconds));
    }
    if (clientGone(e)) {
      // the client closed the connection before its body was read (e.g. a load tool stopping):
      // nothing was done and nobody reads the answer; not a failure of the service
      LOG.debugf("the client closed the connection mid-request: %s", e.getMessage());
      return respond(
          Problem.of(400, "REQUEST_ABORTED", "Bad Request", "The request was not received whole."));
    }
    LOG.error("unexpected failure while handling a request", e);
    return respond(internalError());
  }

  private static boolean clientGone(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpClosedException) {
        return true;
      }
    }
    return false;
  }

  /** 503 {@code DEPENDENCY_UNAVAILABLE} with {@code Retry-After}: the database is unreachable. */
  public static ProblemException databaseUnavailable(int retryAfterSeconds) {
    return ProblemException.unavailable(
        "The service's database cannot be reached right now; nothing was stored. Retry later"
            + " (with the same Idempotency-Key where there is one).",
        retryAfterSeconds);
  }

  public static Response respond(Problem problem) {
    return builder(problem).build();
  }

  private static Response.ResponseBuilder builder(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
  }

  private Response unauthenticated() {
    return Response.fromResponse(
            respond(
                Problem.of(
                    401, "UNAUTHENTICATED", "Unauthorized", "A valid bearer token is required.")))
        .header("WWW-Authenticate", "Bearer")
        .build();
  }

  private static Problem validation(List<Problem.Violation> violations) {
    return new Problem(
        Problem.typeFor("VALIDATION_FAILED"),
        "Invalid request",
        400,
        "The request has invalid fields.",
        "VALIDATION_FAILED",
        violations,
        Map.of());
  }

  private static Problem malformed() {
    return Problem.of(400, "MALFORMED_JSON", "Bad request", "The body is not valid JSON.");
  }

  private static Problem internalError() {
    return Problem.of(
        500, "INTERNAL_ERROR", "Internal error", "The request could not be completed.");
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

  /** "create.arg0.shipTo.country" → "shipTo.country": callers know fields, not Java methods. */
  private static String field(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    String[] parts = path.split("\\.");
    if (parts.length >= 2 && !violation.getRootBeanClass().isRecord()) {
      String rest = String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
      return rest.isEmpty() ? parts[parts.length - 1] : rest;
    }
    return path;
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      default -> "HTTP_" + status;
    };
  }

  private static String reason(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null ? "Error" : known.getReasonPhrase();
  }

  private static String detailFor(WebApplicationException e, int status) {
    return switch (status) {
      case 404 -> "No such resource.";
      case 405 -> "This method is not allowed here.";
      case 406 -> "Only application/json answers are available.";
      case 415 -> "Send the body as application/json.";
      default -> e.getMessage() == null ? reason(status) : e.getMessage();
    };
  }
}
