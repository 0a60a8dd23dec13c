package com.acme.rma.intake.domain;

import com.acme.rma.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;

/** An RMA's SLA target and deadline (rules §2, §3). */
public record Sla(SlaTarget target, Instant dueAt) {

  /** Gold Plus: delivered within 4 hours of authorization, wall clock, any day. */
  public static final Duration GOLD_PLUS_DELIVERY = Duration.ofHours(4);

  /**
   * The SLA of an RMA at this level whose clock starts at {@code start} (its issue):
   *
   * <ul>
   *   <li>GOLD_PLUS: DELIVERY, start + 4 h;
   *   <li>GOLD, SILVER: SHIPMENT, 17:30 Tokyo of the 1st business day after the day of issue;
   *   <li>BRONZE, WARRANTY: SHIPMENT, 17:30 Tokyo of the 10th business day after it.
   * </ul>
   */
  public static Sla forLevel(ServiceLevel level, Instant start, BusinessCalendar businessDays) {
    return forLevel(level, start, businessDays, GOLD_PLUS_DELIVERY);
  }

  /**
   * As {@link #forLevel(ServiceLevel, Instant, BusinessCalendar)}, with the Gold Plus delivery time
   * given (configuration: end-to-end tests shorten it; the rules fix 4 hours).
   */
  public static Sla forLevel(
      ServiceLevel level, Instant start, BusinessCalendar businessDays, Duration goldPlusDelivery) {
    return switch (level) {
      case GOLD_PLUS -> new Sla(SlaTarget.DELIVERY, start.plus(goldPlusDelivery));
      case GOLD, SILVER -> new Sla(SlaTarget.SHIPMENT, businessDays.businessDayDeadline(start, 1));
      case BRONZE, WARRANTY ->
          new Sla(SlaTarget.SHIPMENT, businessDays.businessDayDeadline(start, 10));
    };
  }
}
