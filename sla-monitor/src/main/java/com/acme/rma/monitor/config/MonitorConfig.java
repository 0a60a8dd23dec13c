package com.acme.rma.monitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Everything about sla-monitor that an operator may set ({@code rma.monitor.*}); the SLA terms and
 * calendars are the business-calendar library's settings ({@code rma.sla.*}, {@code
 * rma.calendar.file}), shared with rma-intake (the kit's {@code SlaTermsProducer}).
 */
@ConfigMapping(prefix = "rma.monitor")
public interface MonitorConfig {

  Timer timer();

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
}
