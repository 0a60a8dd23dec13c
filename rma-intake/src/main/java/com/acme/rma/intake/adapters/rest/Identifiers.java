package com.acme.rma.intake.adapters.rest;

import java.util.regex.Pattern;

/** The shapes of identifiers in paths, queries and bodies. */
final class Identifiers {

  /** Serial numbers: a letter or digit, then letters, digits, '.', '_' or '-'; 64 at most. */
  static final String SERIAL_NUMBER = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  static final String SERIAL_NUMBER_MESSAGE =
      "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

  private static final Pattern SERIAL = Pattern.compile(SERIAL_NUMBER);

  private Identifiers() {}

  static boolean isSerialNumber(String text) {
    return text != null && SERIAL.matcher(text).matches();
  }
}
