package com.acme.rma.platform.sla;

import com.acme.rma.calendar.LiveCalendars;
import com.acme.rma.calendar.sla.SlaPolicy;
import com.acme.rma.calendar.sla.SlaSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The SLA terms and business calendars of the business-calendar library, from the settings it
 * defines ({@code rma.sla.*}, {@code rma.calendar.file}): one producer, so that rma-intake and
 * sla-monitor read them the same way. The calendars are {@link LiveCalendars}: the shipped ones
 * with the closures ops declared (sla-monitor applies its own changes, rma-intake those announced
 * on {@code sla.calendars}); the terms read them anew at every question. Beans are made only where
 * injected (services that use no SLA terms load no calendar).
 */
public class SlaTermsProducer {

  @Produces
  @Singleton
  SlaSettings settings(Config config) {
    return SlaSettings.read(key -> config.getOptionalValue(key, String.class));
  }

  @Produces
  @Singleton
  LiveCalendars calendars(SlaSettings settings) {
    return new LiveCalendars(settings.calendars());
  }

  @Produces
  @Singleton
  SlaPolicy policy(SlaSettings settings, LiveCalendars calendars) {
    return settings.policy(calendars);
  }
}
