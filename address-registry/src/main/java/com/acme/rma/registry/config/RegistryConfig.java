package com.acme.rma.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The registry's own settings (prefix {@code registry}). */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

  /** The check that announces sites whose eligibility changed because a pending center opened. */
  ActivationCheck activationCheck();

  interface ActivationCheck {
    /** How often to look for centers whose {@code activeFrom} has passed (a duration). */
    @WithDefault("30s")
    String every();
  }
}
