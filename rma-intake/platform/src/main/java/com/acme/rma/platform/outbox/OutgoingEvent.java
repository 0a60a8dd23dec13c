package com.acme.rma.platform.outbox;

import java.util.Objects;

/**
 * One event a service publishes: the topic and key of its Kafka record, its CloudEvent type and its
 * data (written as JSON). Topic and type names come from the contract ({@code
 * com.acme.rma.contract.Topics}, {@code EventTypes}). Published by {@link
 * Outbox#add(OutgoingEvent)} in the transaction of the change it announces; the id, source and time
 * are the outbox's.
 */
public record OutgoingEvent(String topic, String key, String type, Object payload) {

  public OutgoingEvent {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
  }
}
