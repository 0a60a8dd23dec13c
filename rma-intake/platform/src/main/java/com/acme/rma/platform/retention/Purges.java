package com.acme.rma.platform.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Deletes in small batches, each in its own short transaction, so that a purge never holds many row
 * locks or a long transaction, whatever the backlog. Used by the kit's purge and by services for
 * their own tables.
 */
public final class Purges {

  /** Rows deleted per transaction. */
  public static final int BATCH = 1000;

  private Purges() {}

  /**
   * Runs {@code oneBatch} (which deletes at most {@link #BATCH} rows and says how many) in new
   * transactions until a batch deletes fewer than {@link #BATCH}; returns the total.
   */
  public static long inBatches(IntSupplier oneBatch) {
    long total = 0;
    int deleted;
    do {
      deleted = QuarkusTransaction.requiringNew().call(oneBatch::getAsInt);
      total += deleted;
    } while (deleted >= BATCH);
    return total;
  }

  /**
   * What a scheduled purge does: runs {@code purge}, logs how many {@code what} it forgot (when
   * any), and on a failure logs it and leaves the rest to the next interval.
   */
  public static void onSchedule(Logger log, String what, LongSupplier purge) {
    try {
      long purged = purge.getAsLong();
      if (purged > 0) {
        log.infof("forgot %d %s", purged, what);
      }
    } catch (RuntimeException e) {
      log.warnf(e, "purging %s failed; it runs again at the next interval", what);
    }
  }

  /** Checks a retention setting: positive, and at least {@code minimum}. */
  public static Duration retention(String name, Duration value, Duration minimum) {
    if (value == null || value.isNegative() || value.isZero() || value.compareTo(minimum) < 0) {
      throw new IllegalArgumentException(
          name + " is " + value + " but must be at least " + minimum + " (see the README)");
    }
    return value;
  }
}
