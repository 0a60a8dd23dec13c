package com.acme.rma.platform.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code in upper case ({@code JP}, {@code US}) from the JDK's list
 * ({@link Locale#getISOCountries()}); null is valid (add {@code NotNull} where it is required).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CountryCode.Validator.class)
public @interface CountryCode {

  String MESSAGE = "must be an ISO 3166-1 alpha-2 country code in upper case, such as JP";

  String message() default MESSAGE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks against the JDK's list of ISO countries. */
  class Validator implements ConstraintValidator<CountryCode, String> {
    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    /** Whether this is an upper-case ISO 3166-1 alpha-2 code (false for null). */
    public static boolean isIsoAlpha2(String code) {
      return code != null && CODES.contains(code);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || isIsoAlpha2(value);
    }
  }
}
