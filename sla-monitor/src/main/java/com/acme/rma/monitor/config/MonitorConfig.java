package com.acme.rma.monitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Everything about sla-monitor that an operator may set ({@code rma.monitor.*}). */
@ConfigMapping(prefix = "rma.monitor")
public interface MonitorConfig {

  Timer timer();

  /**
   * Time to deliver a Gold Plus replacement: 4 hours (rules §2). Only end-to-end runs shorten it,
   * through {@code RMA_SLA_GOLD_PLUS_TARGET}, which rma-intake reads too.
   */
  @WithDefault("PT4H")
  Duration goldPlusDeliveryTarget();

  Calendars calendars();

  /** The timer that fires due moments from the database. */
  interface Timer {
    /**
     * The longest the timer sleeps between looks for due clocks; it wakes earlier for a moment it
     * knows of.
     */
    @WithDefault("200ms")
    Duration interval();

    /** How many due clocks one transaction claims at most. */
    @WithDefault("200")
    int batchSize();

    /** Whether this instance runs the timer at all (every replica may; they never collide). */
    @WithDefault("true")
    boolean enabled();
  }

  /** Business calendars: the shipped ones (JP, 24x7), plus an operator file. */
  interface Calendars {
    /**
     * A properties file in the business-calendar format; its calendars are added to the shipped
     * ones (the same id replaces a shipped calendar).
     */
    Optional<Path> file();

    /** The calendar of business-day targets. */
    @WithDefault("JP")
    String businessDays();

    /** The calendar of wall-clock targets. */
    @WithDefault("24x7")
    String allDay();
  }
}
