package com.acme.rma.e2e;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the e2e suite's shared stack when the test run ends, inside the run (a JVM shutdown hook
 * would race the test framework's own shutdown and leave the fork hanging).
 */
public class SharedStackStop implements LauncherSessionListener {

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    ServiceStack.stopShared();
  }
}
