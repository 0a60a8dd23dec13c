package com.acme.rma.intake.config;

import com.acme.rma.intake.domain.Component;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of rma-intake, under {@code rma.intake.*} (see the README for each one). The SLA
 * terms, support hours and calendars are the business-calendar library's settings ({@code
 * rma.sla.*}, {@code rma.calendar.file}), shared with sla-monitor (the kit's {@code
 * SlaTermsProducer}).
 */
@ConfigMapping(prefix = "rma.intake")
public interface IntakeConfig {

  /** Base URL of the address-registry ({@code RMA_REGISTRY_URL} in the local stack). */
  String registryUrl();

  Registry registry();

  GoldPlus goldPlus();

  /** How often QUEUED RMAs that are due are issued. */
  @WithDefault("1s")
  Duration issueInterval();

  /** The reconciler of RMA numbers reserved for Gold Plus locks that never became an RMA. */
  LockReconcile lockReconcile();

  /** This service's own token toward the registry's lock API (role {@code rma-service}). */
  ServiceToken serviceToken();

  /**
   * {@code rma.intake.service-token.*}: where intake's own bearer token comes from. {@code
   * configured} (locally and in tests): a token minted for subject {@code rma-intake} with group
   * {@code rma-service}, from a file (re-read when it changes) or a value; {@code oidc-client}
   * (k8s): client credentials from the identity provider ({@code quarkus.oidc-client.*}), refreshed
   * before they expire.
   */
  interface ServiceToken {
    @WithDefault("configured")
    String source();

    /** A file holding the token ({@code RMA_SERVICE_TOKEN_FILE}); wins over {@link #value()}. */
    Optional<Path> file();

    /** The token itself ({@code RMA_SERVICE_TOKEN}). */
    Optional<String> value();
  }

  /** Calls to the address-registry. */
  interface Registry {
    @WithDefault("1s")
    Duration connectTimeout();

    @WithDefault("2s")
    Duration readTimeout();

    /** Further attempts after a failed call (the lock and its release are idempotent). */
    @WithDefault("1")
    int retries();

    /** The {@code Retry-After} answered with 503 when the registry is unavailable. */
    @WithDefault("5")
    int retryAfterSeconds();
  }

  /** Gold Plus rules that are configuration (rules §4). */
  interface GoldPlus {
    /** Components never replaced at Gold Plus: their RMAs are handled at GOLD. */
    @WithDefault("TRANSCEIVER,OTHER")
    Set<Component> excludedComponents();
  }

  /** {@code rma.intake.lock-reconcile.*}: see {@code ReconcileLockReservations}. */
  interface LockReconcile {
    /**
     * Grace period after which a reservation that is still pending is given up and its lock
     * released. Must exceed the longest a request can take with it (the registry's timeouts times
     * its attempts, plus the commit), so that a request still under way is never overtaken.
     */
    @WithDefault("PT2M")
    Duration after();

    /** How often the reconciler runs. */
    @WithDefault("30s")
    Duration every();

    /** At most this many reservations are given up per run (the rest wait for the next run). */
    @WithDefault("500")
    int maxPerRun();
  }
}
