package com.acme.rma.platform.observe;

import java.util.List;
import java.util.Map;

/**
 * A gauge family read from the service's database, e.g. shipments by status and level: a service
 * provides one as a CDI bean and {@link CountedStatesGauges} publishes it, re-reading the counts in
 * the background (never per scrape).
 */
public interface CountedStates {

  /** The meter name, dotted ({@code rma.shipments} is served as {@code rma_shipments}). */
  String name();

  String description();

  /**
   * The current counts, one per combination of tags; it runs in a transaction of its own. Return
   * the combinations that are zero too, so that a state that empties shows 0 rather than vanishing.
   */
  List<Row> count();

  record Row(Map<String, String> tags, long count) {}
}
