package com.acme.rma.dispatch.config;

import com.acme.rma.dispatch.domain.CarrierClock;
import com.acme.rma.dispatch.domain.DispatchPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Turns the configuration into the domain's dispatch policy. */
@ApplicationScoped
public class DispatchPolicyProducer {

  @Produces
  @Singleton
  DispatchPolicy policy(DispatchConfig config) {
    return new DispatchPolicy(
        config.depotId(), config.depotCountry(), config.exportCertificateCountries());
  }

  @Produces
  @Singleton
  CarrierClock carrierClock(DispatchConfig config) {
    return new CarrierClock(config.carrierClockSkew());
  }
}
