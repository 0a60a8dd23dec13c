package com.acme.rma.dispatch.adapters.kafka;

import com.acme.rma.platform.inbox.InboundEvent;
import com.acme.rma.platform.inbox.PoisonEventException;

/** The record key is the aggregate id: a record whose key names another RMA is not trusted. */
final class RecordKeys {

  private RecordKeys() {}

  static void require(InboundEvent event, String rmaNumber) {
    if (event.key() != null && !event.key().equals(rmaNumber)) {
      throw new PoisonEventException(
          "record key " + event.key() + " does not match rmaNumber " + rmaNumber);
    }
  }
}
