package com.acme.rma.intake.application;

import com.acme.rma.intake.domain.Rma;
import com.acme.rma.platform.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Reads of RMAs; who may see which one is decided by the caller of these methods. */
@ApplicationScoped
public class ReadRmas {

  private final RmaStore rmas;

  public ReadRmas(RmaStore rmas) {
    this.rmas = rmas;
  }

  public Optional<Rma> find(String rmaNumber) {
    return rmas.find(rmaNumber);
  }

  public Page<Rma> list(RmaStore.Filter filter, Page.Request page) {
    return rmas.list(filter, page);
  }
}
