package com.acme.rma.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by application code to answer with a problem. The domain itself never throws this: use
 * cases translate domain outcomes into it at the edge.
 */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;
  private final transient Map<String, String> headers;

  public ProblemException(Problem problem) {
    this(problem, Map.of());
  }

  public ProblemException(Problem problem, Map<String, String> headers) {
    super(problem.code() + ": " + problem.detail());
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  public Problem problem() {
    return problem;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public static ProblemException notFound(String code, String detail) {
    return new ProblemException(Problem.of(404, code, "Not found", detail));
  }

  public static ProblemException conflict(String code, String detail) {
    return new ProblemException(Problem.of(409, code, "Conflict", detail));
  }

  public static ProblemException conflict(String code, String detail, Map<String, Object> extra) {
    return new ProblemException(
        new Problem(
            Problem.typeFor(code), "Conflict", 409, detail, code, List.of(), Map.copyOf(extra)));
  }

  public static ProblemException unprocessable(String code, String detail) {
    return new ProblemException(Problem.of(422, code, "Unprocessable request", detail));
  }

  public static ProblemException badRequest(String code, String detail) {
    return new ProblemException(Problem.of(400, code, "Bad request", detail));
  }

  public static ProblemException invalid(String field, String message) {
    return invalid(List.of(new Problem.Violation(field, message)));
  }

  /** The 400 {@code VALIDATION_FAILED} naming every bad field (or parameter). */
  public static ProblemException invalid(List<Problem.Violation> violations) {
    return new ProblemException(
        new Problem(
            Problem.typeFor("VALIDATION_FAILED"),
            "Invalid request",
            400,
            "The request has invalid fields.",
            "VALIDATION_FAILED",
            List.copyOf(violations),
            Map.of()));
  }

  public static ProblemException unavailable(String detail, int retryAfterSeconds) {
    return new ProblemException(
        Problem.of(503, "DEPENDENCY_UNAVAILABLE", "Service unavailable", detail),
        Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }
}
