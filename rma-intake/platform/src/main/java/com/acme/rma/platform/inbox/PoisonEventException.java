package com.acme.rma.platform.inbox;

/**
 * A record that can never be processed, whatever the retries: the consumer nacks it, SmallRye sends
 * it to the service's dead-letter topic with this message as the reason, and goes on.
 */
public class PoisonEventException extends RuntimeException {

  public PoisonEventException(String reason) {
    super(reason);
  }

  public PoisonEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
