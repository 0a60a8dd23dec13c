package com.acme.rma.platform.rest;

import com.acme.rma.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.Optional;

/** Parsing of optional query parameters: a bad value is a 400 {@code VALIDATION_FAILED}. */
public final class QueryParams {

  private QueryParams() {}

  /**
   * An enum constant by its exact name; absent or blank is empty.
   *
   * @throws ProblemException 400 naming the parameter and the allowed values
   */
  public static <E extends Enum<E>> Optional<E> optionalEnum(
      String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, value.trim()));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /**
   * An ISO country code; absent or blank is empty.
   *
   * @throws ProblemException 400 naming the parameter
   */
  public static Optional<String> optionalCountry(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (!CountryCode.Validator.isIsoAlpha2(value)) {
      throw ProblemException.invalid(name, CountryCode.MESSAGE);
    }
    return Optional.of(value);
  }
}
