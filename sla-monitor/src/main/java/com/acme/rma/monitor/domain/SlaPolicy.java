package com.acme.rma.monitor.domain;

import com.acme.rma.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The SLA targets of rules.md §2 and §7, as pure functions of the level and the start instant.
 *
 * <ul>
 *   <li>GOLD_PLUS: delivered within 4 hours of wall-clock time ({@code 24x7} calendar);
 *   <li>GOLD, SILVER: shipped by 17:30 Tokyo on the 1st business day after the day of issue;
 *   <li>BRONZE, WARRANTY: the same on the 10th business day.
 * </ul>
 *
 * At risk when 75% of the clock's time has elapsed: wall time for the 4-hour target, business time
 * (opening hours of business days) for the business-day targets.
 */
public final class SlaPolicy {

  /** Gold Plus: delivered within 4 hours (rules §2). */
  public static final Duration DELIVERY_WITHIN = Duration.ofHours(4);

  public static final int AT_RISK_PERCENT = 75;

  private final BusinessCalendar businessDays;
  private final BusinessCalendar allDay;
  private final Duration deliveryWithin;

  /**
   * @param businessDays the calendar of the business-day targets ({@code JP})
   * @param allDay the calendar of the wall-clock target ({@code 24x7})
   */
  public SlaPolicy(BusinessCalendar businessDays, BusinessCalendar allDay) {
    this(businessDays, allDay, DELIVERY_WITHIN);
  }

  /**
   * @param deliveryWithin the Gold Plus delivery target; the rules say 4 hours, and only an
   *     end-to-end run shortens it, the same for intake and the monitor so both agree on dueAt
   */
  public SlaPolicy(
      BusinessCalendar businessDays, BusinessCalendar allDay, Duration deliveryWithin) {
    this.businessDays = Objects.requireNonNull(businessDays, "businessDays");
    this.allDay = Objects.requireNonNull(allDay, "allDay");
    if (deliveryWithin.isNegative() || deliveryWithin.isZero()) {
      throw new IllegalArgumentException("the delivery target must be positive: " + deliveryWithin);
    }
    this.deliveryWithin = deliveryWithin;
  }

  /** The terms of a clock for this level started at {@code start}. */
  public SlaTerms termsFor(ServiceLevel level, Instant start) {
    Instant startedAt = start.truncatedTo(ChronoUnit.MICROS);
    return switch (level) {
      case GOLD_PLUS -> delivery(startedAt);
      case GOLD, SILVER -> shipment(startedAt, 1);
      case BRONZE, WARRANTY -> shipment(startedAt, 10);
    };
  }

  private SlaTerms delivery(Instant startedAt) {
    Instant due = startedAt.plus(deliveryWithin);
    Instant atRisk = startedAt.plus(fractionOf(deliveryWithin));
    return new SlaTerms(Target.DELIVERY, allDay.id(), startedAt, due, atRisk);
  }

  private SlaTerms shipment(Instant startedAt, int businessDayCount) {
    Instant due = businessDays.businessDayDeadline(startedAt, businessDayCount);
    Duration businessTime = businessDays.businessTimeBetween(startedAt, due);
    Instant atRisk =
        businessDays
            .plusBusinessTime(startedAt, fractionOf(businessTime))
            .truncatedTo(ChronoUnit.MICROS);
    return new SlaTerms(Target.SHIPMENT, businessDays.id(), startedAt, due, atRisk);
  }

  private static Duration fractionOf(Duration total) {
    return total.multipliedBy(AT_RISK_PERCENT).dividedBy(100);
  }
}
