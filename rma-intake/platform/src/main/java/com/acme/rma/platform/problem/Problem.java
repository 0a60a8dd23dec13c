package com.acme.rma.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code code} is the stable, machine-readable reason that clients
 * switch on; {@code extensions} carries problem-specific members (e.g. the open RMA's number).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String code,
    List<Violation> violations,
    @JsonIgnore Map<String, Object> extensions) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    violations = violations == null ? List.of() : List.copyOf(violations);
    extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }

  public static Problem of(int status, String code, String title, String detail) {
    return new Problem(typeFor(code), title, status, detail, code, List.of(), Map.of());
  }

  /** Types are stable URNs derived from the code, so they never point at a dead page. */
  public static String typeFor(String code) {
    return "urn:rma:problem:" + code.toLowerCase().replace('_', '-');
  }

  @JsonAnyGetter
  public Map<String, Object> extensionMembers() {
    return extensions;
  }

  /** One invalid input: {@code field} is a JSON path-like name ({@code shipTo.country}). */
  public record Violation(String field, String message) {}
}
