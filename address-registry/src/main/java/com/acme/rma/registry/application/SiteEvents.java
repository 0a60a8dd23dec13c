package com.acme.rma.registry.application;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Topics;
import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.platform.outbox.OutgoingEvent;
import com.acme.rma.registry.domain.GoldPlus;
import com.acme.rma.registry.domain.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Publishes site changes through the outbox, in the transaction that makes them. */
@ApplicationScoped
public class SiteEvents {

  private final Outbox outbox;

  public SiteEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void siteChanged(Site site, Optional<String> owner, GoldPlus decision) {
    outbox.add(
        new OutgoingEvent(
            Topics.SITES,
            site.serialNumber(),
            EventTypes.SITE_CHANGED,
            SiteChangedV1.of(site, owner.orElse(null), decision)));
  }
}
