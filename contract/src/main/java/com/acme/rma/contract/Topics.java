package com.acme.rma.contract;

import java.util.List;

/**
 * Every Kafka topic of the contract, named once ({@code contract/asyncapi.yaml} describes each:
 * key, producer, consumers, event types). Consumers' {@code @Incoming} channels name their topic in
 * {@code application.properties}; the contract tests check those names against these.
 */
public final class Topics {

  /** Compacted, keyed by serial number: rma-intake's entitlements. */
  public static final String ENTITLEMENTS = "rma.entitlements";

  /** Keyed by RMA number: an RMA's life at rma-intake. */
  public static final String LIFECYCLE = "rma.lifecycle";

  /** Compacted, keyed by serial number: address-registry's sites. */
  public static final String SITES = "registry.sites";

  /** Keyed by RMA number: rma-dispatch's shipments. */
  public static final String SHIPMENTS = "dispatch.shipments";

  /** Keyed by RMA number: carrier progress from logistics systems (binary or structured mode). */
  public static final String CARRIER_EVENTS = "logistics.carrier-events";

  /** Keyed by RMA number: sla-monitor's alerts. */
  public static final String SLA_ALERTS = "sla.alerts";

  /** Keyed by RMA number: sla-monitor's deadline changes. */
  public static final String SLA_CLOCKS = "sla.clocks";

  /** Compacted, keyed by calendar id: sla-monitor's calendar changes (ops' closures). */
  public static final String SLA_CALENDARS = "sla.calendars";

  /** The suffix of every service's dead-letter topic: {@code <service>.dlq}. */
  public static final String DEAD_LETTER_SUFFIX = ".dlq";

  /** The topics events flow on (the dead-letter topics aside), in the contract's order. */
  public static final List<String> ALL =
      List.of(
          ENTITLEMENTS,
          LIFECYCLE,
          SITES,
          SHIPMENTS,
          CARRIER_EVENTS,
          SLA_ALERTS,
          SLA_CLOCKS,
          SLA_CALENDARS);

  /** The services that consume, each with its dead-letter topic. */
  public static final List<String> CONSUMING_SERVICES =
      List.of("rma-intake", "address-registry", "rma-dispatch", "sla-monitor");

  private Topics() {}

  /** The dead-letter topic of a service, e.g. {@code rma-dispatch.dlq}. */
  public static String deadLetters(String service) {
    return service + DEAD_LETTER_SUFFIX;
  }
}
