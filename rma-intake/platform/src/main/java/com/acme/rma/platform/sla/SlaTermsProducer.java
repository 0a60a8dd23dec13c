package com.acme.rma.platform.sla;

import com.acme.rma.calendar.CalendarRegistry;
import com.acme.rma.calendar.sla.SlaPolicy;
import com.acme.rma.calendar.sla.SlaSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The SLA terms and business calendars of the business-calendar library, from the settings it
 * defines ({@code rma.sla.*}, {@code rma.calendar.file}): one producer, so that rma-intake and
 * sla-monitor read them the same way. Beans are made only where injected (services that use no SLA
 * terms load no calendar).
 */
public class SlaTermsProducer {

  @Produces
  @Singleton
  SlaSettings settings(Config config) {
    return SlaSettings.read(key -> config.getOptionalValue(key, String.class));
  }

  @Produces
  @Singleton
  CalendarRegistry calendars(SlaSettings settings) {
    return settings.calendars();
  }

  @Produces
  @Singleton
  SlaPolicy policy(SlaSettings settings, CalendarRegistry calendars) {
    return settings.policy(calendars);
  }
}
