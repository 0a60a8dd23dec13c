package com.acme.rma.monitor.adapters.rest;

import com.acme.rma.platform.problem.Problem;
import com.acme.rma.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads raw query parameters and collects every problem with them, so that one 400 names all the
 * bad ones ({@code violations[{field, message}]}).
 */
final class QueryParams {

  private final List<Problem.Violation> violations = new ArrayList<>();

  static boolean absent(String value) {
    return value == null || value.isBlank();
  }

  <E extends Enum<E>> E optionalEnum(String name, String value, Class<E> type) {
    if (absent(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim());
    } catch (IllegalArgumentException e) {
      invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
      return null;
    }
  }

  Integer requiredInt(String name, String value, int min, int max) {
    if (absent(value)) {
      invalid(name, "is required");
      return null;
    }
    try {
      int number = Integer.parseInt(value.trim());
      if (number < min || number > max) {
        invalid(name, "must be between " + min + " and " + max);
        return null;
      }
      return number;
    } catch (NumberFormatException e) {
      invalid(name, "must be a whole number between " + min + " and " + max);
      return null;
    }
  }

  <T> T required(String name, String value, Function<String, T> parse, String expected) {
    if (absent(value)) {
      invalid(name, "is required");
      return null;
    }
    try {
      return parse.apply(value.trim());
    } catch (RuntimeException e) {
      invalid(name, expected);
      return null;
    }
  }

  void invalid(String field, String message) {
    violations.add(new Problem.Violation(field, message));
  }

  /** Throws the 400 naming every bad parameter, if any. */
  void check() {
    if (!violations.isEmpty()) {
      throw ProblemException.invalid(violations);
    }
  }
}
