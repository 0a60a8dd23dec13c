package com.acme.rma.platform.rest;

import java.util.regex.Pattern;

/**
 * The one set of field limits every service applies where it accepts, stores or validates a field
 * (REST bodies, Kafka payloads, database columns); the contract's JSON Schemas state the same. A
 * value one service accepts is never refused downstream. Minimums of required text are 1 ({@code
 * NotBlank}); the numbers here are maximum lengths in characters (UTF-16 code units, as {@code
 * Size} counts them).
 */
public final class FieldLimits {

  /** serialNumber, partnerId, customerId, rmaNumber, serviceCenterId. */
  public static final int ID = 64;

  public static final int PRODUCT_MODEL = 200;

  /** Address.line1 (required) and line2. */
  public static final int ADDRESS_LINE = 200;

  public static final int CITY = 200;

  public static final int REGION = 200;

  public static final int POSTAL_CODE = 64;

  /** contact.name. */
  public static final int CONTACT_NAME = 200;

  public static final int PHONE = 64;

  public static final int EMAIL = 320;

  public static final int FAULT_DESCRIPTION = 4000;

  public static final int CARRIER = 100;

  public static final int TRACKING_NUMBER = 100;

  /** A service center's name. */
  public static final int SERVICE_CENTER_NAME = 200;

  public static final String LATITUDE_MIN = "-90";
  public static final String LATITUDE_MAX = "90";
  public static final String LONGITUDE_MIN = "-180";
  public static final String LONGITUDE_MAX = "180";

  /**
   * The shape of serial numbers and service center ids: 1–{@value #ID} letters, digits, '.', '_' or
   * '-', starting with a letter or digit.
   */
  public static final String NAME_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  public static final String NAME_ID_MESSAGE =
      "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

  /** The shape of RMA numbers in paths and bodies (RMA-2026-000042): 1–64 letters, digits, '-'. */
  public static final String RMA_NUMBER = "[A-Za-z0-9][A-Za-z0-9-]{0,63}";

  public static final String RMA_NUMBER_MESSAGE =
      "must be 1 to 64 letters, digits or '-', starting with a letter or digit";

  /**
   * The message of {@link PlainText}: free text that is not blank and has no control characters
   * (carrier, trackingNumber), checked in linear time by {@link Text#isPlain}.
   */
  public static final String TEXT_MESSAGE = "must not be blank or contain control characters";

  private static final Pattern NAME_ID_PATTERN = Pattern.compile(NAME_ID);

  private static final Pattern RMA_NUMBER_PATTERN = Pattern.compile(RMA_NUMBER);

  private FieldLimits() {}

  /** Whether this is a serial number or service center id ({@link #NAME_ID}). */
  public static boolean isNameId(String text) {
    return text != null && NAME_ID_PATTERN.matcher(text).matches();
  }

  /** Whether this has the shape of an RMA number ({@link #RMA_NUMBER}). */
  public static boolean isRmaNumber(String text) {
    return text != null && RMA_NUMBER_PATTERN.matcher(text).matches();
  }
}
