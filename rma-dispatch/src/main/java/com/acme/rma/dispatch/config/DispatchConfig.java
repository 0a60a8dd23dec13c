package com.acme.rma.dispatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** The service's own settings, under {@code rma.dispatch}. */
@ConfigMapping(prefix = "rma.dispatch")
public interface DispatchConfig {

  /** The central depot every non-Gold-Plus replacement ships from. */
  @WithDefault("DEPOT-JP-CENTRAL")
  String depotId();

  /**
   * ISO 3166-1 alpha-2 country of the central depot: a parcel from it to another country that is
   * listed in {@link #exportCertificateCountries()} waits on an export hold.
   */
  @WithDefault("JP")
  String depotCountry();

  /**
   * ISO 3166-1 alpha-2 countries whose shipments wait on an export hold until the certificate
   * clears. Operational configuration, not a statement of export law.
   */
  @WithDefault("CN,RU,IN,BR")
  Set<String> exportCertificateCountries();

  /**
   * How far a carrier's {@code occurredAt} may lie ahead of dispatch's clock (the two clocks differ
   * a little); a report dated later is refused ({@code OCCURRED_IN_FUTURE}).
   */
  @WithDefault("PT5M")
  Duration carrierClockSkew();
}
