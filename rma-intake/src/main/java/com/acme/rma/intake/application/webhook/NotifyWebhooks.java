package com.acme.rma.intake.application.webhook;

import com.acme.rma.intake.domain.webhook.RetrySchedule;
import com.acme.rma.intake.domain.webhook.WebhookEndpoint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Queues one delivery per subscribed endpoint of the RMA's partner, in the caller's transaction
 * (the timeline entry's): the webhook outbox. The payload is the CloudEvent in structured mode,
 * fixed now, so every attempt sends the same bytes with the same id.
 */
@ApplicationScoped
public class NotifyWebhooks {

  public static final String SOURCE = "/rma-intake/timeline";
  public static final String TEST_TYPE = "webhook.test";

  private final WebhookStore store;
  private final ObjectMapper mapper;
  private final Clock clock;

  public NotifyWebhooks(WebhookStore store, ObjectMapper mapper, Clock clock) {
    this.store = store;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Queues the event for every endpoint of this partner subscribed to its type; how many. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int enqueue(
      String partnerId, String rmaNumber, String eventId, String type, Instant time, Object data) {
    int queued = 0;
    for (WebhookEndpoint endpoint : store.subscribers(partnerId, type)) {
      enqueueFor(endpoint, rmaNumber, eventId, type, time, data);
      queued++;
    }
    return queued;
  }

  /** Queues one event for one endpoint (the test ping goes through here too). */
  @Transactional(Transactional.TxType.MANDATORY)
  public WebhookStore.Delivery enqueueFor(
      WebhookEndpoint endpoint,
      String rmaNumber,
      String eventId,
      String type,
      Instant time,
      Object data) {
    Instant now = Instant.now(clock);
    WebhookStore.Delivery delivery =
        new WebhookStore.Delivery(
            UUID.randomUUID(),
            endpoint.id(),
            rmaNumber,
            eventId,
            type,
            cloudEvent(eventId, type, rmaNumber, time, data),
            0,
            now,
            now.plus(RetrySchedule.WINDOW),
            time);
    store.enqueue(delivery, now);
    return delivery;
  }

  private String cloudEvent(String id, String type, String subject, Instant time, Object data) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("specversion", "1.0");
    event.put("id", id);
    event.put("source", SOURCE);
    event.put("type", type);
    event.put("subject", subject);
    event.put("time", time.toString());
    event.put("datacontenttype", "application/json");
    event.put("data", data);
    try {
      return mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a webhook event that cannot be written: " + type, e);
    }
  }
}
