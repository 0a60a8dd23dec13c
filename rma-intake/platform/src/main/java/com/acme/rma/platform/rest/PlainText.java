package com.acme.rma.platform.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text of at most {@link #max()} characters that is not blank and has no control characters
 * (carrier, trackingNumber). Checked in linear time, the length first: no regular expression, so a
 * hostile value costs one pass at most. Null is valid (add {@code NotNull} where it is required).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

  String message() default FieldLimits.TEXT_MESSAGE;

  /** The maximum length in characters (UTF-16 code units, as {@code Size} counts them). */
  int max();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Length first, then one pass. */
  class Validator implements ConstraintValidator<PlainText, String> {
    private int max;

    @Override
    public void initialize(PlainText annotation) {
      this.max = annotation.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      if (value.length() > max) {
        context.disableDefaultConstraintViolation();
        context
            .buildConstraintViolationWithTemplate("size must be between 1 and " + max)
            .addConstraintViolation();
        return false;
      }
      return Text.isPlain(value, max);
    }
  }
}
