package com.acme.rma.calendar.sla;

import com.acme.rma.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The SLA terms of rules.md §2, §3 and §7, the one place where a level becomes a deadline (used by
 * rma-intake for the RMA's {@code sla} and by sla-monitor for its clocks):
 *
 * <ul>
 *   <li>GOLD_PLUS: delivered within the Gold Plus target (4 hours) of wall-clock time, on the
 *       wall-clock calendar ({@code 24x7});
 *   <li>GOLD, SILVER: shipped by the closing time (17:30 Tokyo) of the 1st business day after the
 *       day of issue, on the business calendar ({@code JP});
 *   <li>BRONZE, WARRANTY: the same on the 10th business day.
 * </ul>
 *
 * At risk when 75% of the clock's time has elapsed: wall time for the delivery target, business
 * time (opening hours of business days) for the shipment targets. The support hours of SILVER,
 * BRONZE and WARRANTY are the opening hours of the business calendar.
 */
public final class SlaPolicy {

  /** Gold Plus: delivered within 4 hours (rules §2). */
  public static final Duration GOLD_PLUS_TARGET = Duration.ofHours(4);

  public static final int AT_RISK_PERCENT = 75;

  /** Business days to shipment of GOLD and SILVER. */
  public static final int NEXT_BUSINESS_DAY = 1;

  /** Business days to shipment of BRONZE and WARRANTY. */
  public static final int TEN_BUSINESS_DAYS = 10;

  private final Supplier<BusinessCalendar> businessDays;
  private final Supplier<BusinessCalendar> wallClock;
  private final Duration goldPlusTarget;

  /**
   * @param businessDays the calendar of the shipment targets and the support hours ({@code JP})
   * @param wallClock the calendar of the delivery target ({@code 24x7})
   */
  public SlaPolicy(BusinessCalendar businessDays, BusinessCalendar wallClock) {
    this(businessDays, wallClock, GOLD_PLUS_TARGET);
  }

  /**
   * @param goldPlusTarget the Gold Plus delivery target; the rules say 4 hours, and only an
   *     end-to-end run shortens it (one setting, read by both services, so both agree on dueAt)
   */
  public SlaPolicy(
      BusinessCalendar businessDays, BusinessCalendar wallClock, Duration goldPlusTarget) {
    this(
        fixed(Objects.requireNonNull(businessDays, "businessDays")),
        fixed(Objects.requireNonNull(wallClock, "wallClock")),
        goldPlusTarget);
  }

  /**
   * Terms on calendars read anew at each question (the calendars in effect, {@link
   * com.acme.rma.calendar.LiveCalendars}: a closure declared by ops applies at once).
   */
  public SlaPolicy(
      Supplier<BusinessCalendar> businessDays,
      Supplier<BusinessCalendar> wallClock,
      Duration goldPlusTarget) {
    this.businessDays = Objects.requireNonNull(businessDays, "businessDays");
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    if (goldPlusTarget.isNegative() || goldPlusTarget.isZero()) {
      throw new IllegalArgumentException(
          "the Gold Plus target must be positive: " + goldPlusTarget);
    }
    this.goldPlusTarget = goldPlusTarget;
  }

  /**
   * These terms with {@code calendar} in place of the calendar of the same id (fixed: the calendars
   * are no longer read anew), e.g. to compute the deadlines a calendar change would give.
   */
  public SlaPolicy with(BusinessCalendar calendar) {
    BusinessCalendar business = businessDays.get();
    BusinessCalendar wall = wallClock.get();
    return new SlaPolicy(
        business.id().equals(calendar.id()) ? calendar : business,
        wall.id().equals(calendar.id()) ? calendar : wall,
        goldPlusTarget);
  }

  /** What stops the clock of this level. */
  public static Target targetOf(ServiceLevel level) {
    return level == ServiceLevel.GOLD_PLUS ? Target.DELIVERY : Target.SHIPMENT;
  }

  /**
   * The terms of a clock for this level started at {@code start} (kept to microseconds, as the
   * databases store instants).
   */
  public SlaTerms termsFor(ServiceLevel level, Instant start) {
    Instant startedAt = start.truncatedTo(ChronoUnit.MICROS);
    return switch (level) {
      case GOLD_PLUS -> delivery(startedAt);
      case GOLD, SILVER -> shipment(startedAt, NEXT_BUSINESS_DAY);
      case BRONZE, WARRANTY -> shipment(startedAt, TEN_BUSINESS_DAYS);
    };
  }

  /**
   * The support hours (rules §2): business days 09:30–17:30 JST, the opening hours of the business
   * calendar. Requests of {@link ServiceLevel#issuedOnlyInSupportHours() levels served only then}
   * wait outside them.
   */
  public BusinessCalendar supportHours() {
    return businessDays.get();
  }

  /** The calendar of the shipment targets. */
  public BusinessCalendar businessDays() {
    return businessDays.get();
  }

  /** The calendar of the delivery target. */
  public BusinessCalendar wallClock() {
    return wallClock.get();
  }

  public Duration goldPlusTarget() {
    return goldPlusTarget;
  }

  private SlaTerms delivery(Instant startedAt) {
    Instant due = startedAt.plus(goldPlusTarget);
    Instant atRisk = startedAt.plus(fractionOf(goldPlusTarget));
    return new SlaTerms(Target.DELIVERY, wallClock.get().id(), startedAt, due, atRisk);
  }

  private SlaTerms shipment(Instant startedAt, int businessDayCount) {
    BusinessCalendar businessDays = this.businessDays.get();
    Instant due = businessDays.businessDayDeadline(startedAt, businessDayCount);
    Duration businessTime = businessDays.businessTimeBetween(startedAt, due);
    Instant atRisk =
        businessDays
            .plusBusinessTime(startedAt, fractionOf(businessTime))
            .truncatedTo(ChronoUnit.MICROS);
    return new SlaTerms(Target.SHIPMENT, businessDays.id(), startedAt, due, atRisk);
  }

  private static Supplier<BusinessCalendar> fixed(BusinessCalendar calendar) {
    return () -> calendar;
  }

  private static Duration fractionOf(Duration total) {
    return total.multipliedBy(AT_RISK_PERCENT).dividedBy(100);
  }
}
