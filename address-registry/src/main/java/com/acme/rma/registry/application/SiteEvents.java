package com.acme.rma.registry.application;

import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.registry.config.RegistryConfig;
import com.acme.rma.registry.domain.GoldPlus;
import com.acme.rma.registry.domain.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Publishes site changes through the outbox, in the transaction that makes them. */
@ApplicationScoped
public class SiteEvents {

  private final Outbox outbox;
  private final String topic;

  public SiteEvents(Outbox outbox, RegistryConfig config) {
    this.outbox = outbox;
    this.topic = config.sitesTopic();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void siteChanged(Site site, Optional<String> owner, GoldPlus decision) {
    outbox.add(
        topic,
        site.serialNumber(),
        SiteChangedV1.TYPE,
        SiteChangedV1.of(site, owner.orElse(null), decision));
  }
}
