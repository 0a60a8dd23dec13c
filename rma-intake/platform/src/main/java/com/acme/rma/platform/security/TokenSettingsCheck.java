package com.acme.rma.platform.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The production profile refuses to start unless the token issuer and the verify key are set
 * explicitly ({@code MP_JWT_VERIFY_ISSUER}, and {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} — a PEM
 * file or a JWKS URL — or {@code MP_JWT_VERIFY_PUBLICKEY}): no local default may silently decide
 * whose tokens a production service trusts. Dev, test and the local stack set both (the dev profile
 * and {@code stack.sh}), so the check only runs in the packaged production profile.
 */
@ApplicationScoped
@IfBuildProfile("prod")
public class TokenSettingsCheck {

  static final String ISSUER = "mp.jwt.verify.issuer";
  static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
  static final String KEY = "mp.jwt.verify.publickey";

  void onStart(@Observes StartupEvent start, Config config) {
    List<String> missing = missing(name -> config.getOptionalValue(name, String.class));
    if (!missing.isEmpty()) {
      throw new IllegalStateException(message(missing));
    }
  }

  /** What is not set (a blank value counts as not set); empty when the settings are complete. */
  static List<String> missing(Function<String, Optional<String>> config) {
    List<String> missing = new ArrayList<>();
    if (blank(config.apply(ISSUER))) {
      missing.add(ISSUER + " (MP_JWT_VERIFY_ISSUER)");
    }
    if (blank(config.apply(KEY_LOCATION)) && blank(config.apply(KEY))) {
      missing.add(
          KEY_LOCATION
              + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION: a PEM file or a JWKS URL) or "
              + KEY
              + " (MP_JWT_VERIFY_PUBLICKEY)");
    }
    return missing;
  }

  static String message(List<String> missing) {
    return "Refusing to start in the production profile: the token settings must be set explicitly,"
        + " there are no defaults. Missing: "
        + String.join("; ", missing);
  }

  private static boolean blank(Optional<String> value) {
    return value.map(String::isBlank).orElse(true);
  }
}
