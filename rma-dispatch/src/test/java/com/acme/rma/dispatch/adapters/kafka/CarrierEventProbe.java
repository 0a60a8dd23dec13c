package com.acme.rma.dispatch.adapters.kafka;

import com.acme.rma.contract.EventTypes;
import com.acme.rma.platform.inbox.InboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Hands a carrier record's value to the consumer as the broker would, without the broker. */
@ApplicationScoped
public class CarrierEventProbe {

  @Inject CarrierEventListener listener;

  /** In a transaction, as the kit's consumer applies a record. */
  @Transactional
  public void apply(String rmaNumber, String value) {
    listener.apply(
        new InboundEvent(
            UUID.randomUUID().toString(),
            "/logistics/test",
            EventTypes.CARRIER_STATUS,
            Instant.parse("2026-05-01T03:00:00Z"),
            rmaNumber,
            value));
  }
}
