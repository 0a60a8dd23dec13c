package com.acme.rma.intake.application.webhook;

import com.acme.rma.intake.domain.webhook.EndpointHealth;
import com.acme.rma.intake.domain.webhook.RetrySchedule;
import com.acme.rma.intake.domain.webhook.WebhookEndpoint;
import com.acme.rma.intake.domain.webhook.WebhookTarget;
import com.acme.rma.platform.rest.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** Partners register, read, delete, test and resume their webhook endpoints; ops read them all. */
@ApplicationScoped
public class ManageWebhooks {

  /** Why a registration was refused. */
  public sealed interface Outcome {
    record Registered(WebhookEndpoint endpoint) implements Outcome {}

    record UrlRefused(String reason) implements Outcome {}

    record TooMany(int limit) implements Outcome {}
  }

  private final WebhookStore store;
  private final NotifyWebhooks notify;
  private final WebhookTarget.Resolver resolver;
  private final WebhookSettings settings;
  private final Clock clock;

  public ManageWebhooks(
      WebhookStore store,
      NotifyWebhooks notify,
      WebhookTarget.Resolver resolver,
      WebhookSettings settings,
      Clock clock) {
    this.store = store;
    this.notify = notify;
    this.resolver = resolver;
    this.settings = settings;
    this.clock = clock;
  }

  /** {@code eventTypes} already checked against the timeline's types (all when none given). */
  public Outcome register(String partnerId, String url, String secret, Set<String> eventTypes) {
    Optional<String> refusal = WebhookTarget.refusal(url, resolver, settings.allowLoopbackHttp());
    if (refusal.isPresent()) {
      return new Outcome.UrlRefused(refusal.get());
    }
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              long existing =
                  store
                      .list(new WebhookStore.Filter(partnerId, null), new Page.Request(0, 1))
                      .total();
              if (existing >= settings.maxEndpointsPerPartner()) {
                return new Outcome.TooMany(settings.maxEndpointsPerPartner());
              }
              WebhookEndpoint endpoint =
                  new WebhookEndpoint(
                      UUID.randomUUID(),
                      partnerId,
                      url,
                      secret,
                      Set.copyOf(eventTypes),
                      WebhookEndpoint.State.ACTIVE,
                      null,
                      null,
                      EndpointHealth.healthy(),
                      Instant.now(clock));
              store.insert(endpoint);
              return new Outcome.Registered(endpoint);
            });
  }

  public Optional<WebhookEndpoint> find(UUID id, Predicate<String> mayActFor) {
    return store.find(id).filter(e -> mayActFor.test(e.partnerId()));
  }

  public Page<WebhookEndpoint> list(WebhookStore.Filter filter, Page.Request page) {
    return store.list(filter, page);
  }

  public boolean delete(UUID id, Predicate<String> mayActFor) {
    return QuarkusTransaction.requiringNew()
        .call(() -> find(id, mayActFor).map(e -> store.delete(e.id())).orElse(false));
  }

  public Optional<List<WebhookStore.Attempt>> attempts(
      UUID id, Predicate<String> mayActFor, int limit) {
    return find(id, mayActFor).map(e -> store.attempts(e.id(), limit));
  }

  /** Active again; its waiting deliveries are due now with a fresh 24-h window. */
  public Optional<WebhookEndpoint> resume(UUID id, Predicate<String> mayActFor) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Optional<WebhookEndpoint> locked =
                  store.findForUpdate(id).filter(e -> mayActFor.test(e.partnerId()));
              if (locked.isEmpty()) {
                return Optional.<WebhookEndpoint>empty();
              }
              WebhookEndpoint resumed = locked.get().resume();
              store.update(resumed);
              Instant now = Instant.now(clock);
              store.restartPending(id, now, now.plus(RetrySchedule.WINDOW));
              return Optional.of(resumed);
            });
  }

  /** Queues a {@code webhook.test} event for this endpoint alone (its own order lane). */
  public Optional<WebhookStore.Delivery> test(UUID id, Predicate<String> mayActFor) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                find(id, mayActFor)
                    .map(
                        endpoint -> {
                          String eventId = UUID.randomUUID().toString();
                          Map<String, Object> data = new LinkedHashMap<>();
                          data.put("endpointId", endpoint.id().toString());
                          data.put("message", "test delivery");
                          return notify.enqueueFor(
                              endpoint,
                              "test-" + eventId,
                              eventId,
                              NotifyWebhooks.TEST_TYPE,
                              Instant.now(clock),
                              data);
                        }));
  }
}
