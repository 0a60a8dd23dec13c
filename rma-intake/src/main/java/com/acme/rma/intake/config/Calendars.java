package com.acme.rma.intake.config;

import com.acme.rma.calendar.CalendarRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The business calendars shared with sla-monitor (one implementation, in business-calendar). */
public class Calendars {

  @Produces
  @Singleton
  CalendarRegistry calendars() {
    return CalendarRegistry.fromClasspath();
  }
}
