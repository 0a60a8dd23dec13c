package com.acme.rma.registry.domain;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them, written in upper case. */
public final class Countries {

  private static final Set<String> CODES = Set.of(Locale.getISOCountries());

  private Countries() {}

  public static boolean isIsoAlpha2(String code) {
    return code != null && CODES.contains(code);
  }
}
