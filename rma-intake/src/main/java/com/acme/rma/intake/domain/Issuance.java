package com.acme.rma.intake.domain;

import com.acme.rma.calendar.BusinessCalendar;
import com.acme.rma.calendar.sla.ServiceLevel;
import java.time.Instant;

/**
 * When an RMA is issued (authorized, its clock started): GOLD and GOLD_PLUS at once, any time;
 * SILVER, BRONZE and WARRANTY at once inside support hours, else QUEUED until the next opening
 * (rules §2).
 *
 * @param authorizedAt the issue instant when issued now; null while queued
 * @param issuesAt the next opening when queued; null when issued now
 */
public record Issuance(RmaStatus status, Instant authorizedAt, Instant issuesAt) {

  public static Issuance decide(ServiceLevel level, Instant now, BusinessCalendar supportHours) {
    if (!level.issuedOnlyInSupportHours() || supportHours.isOpen(now)) {
      return new Issuance(RmaStatus.AUTHORIZED, now, null);
    }
    return new Issuance(RmaStatus.QUEUED, null, supportHours.nextOpening(now));
  }

  /** The instant the SLA clock starts: the issue, now or at the queued opening. */
  public Instant clockStart() {
    return authorizedAt != null ? authorizedAt : issuesAt;
  }
}
