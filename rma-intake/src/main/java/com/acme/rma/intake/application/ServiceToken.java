package com.acme.rma.intake.application;

/**
 * Port: this service's own identity toward the other services. The registry's lock API answers only
 * the service role ({@code rma-service}); intake never forwards a partner's token.
 */
public interface ServiceToken {

  /** A bearer token (without the {@code Bearer } prefix) valid for the next call. */
  String current();

  /** No token can be had (not configured, unreadable, or the identity provider failed). */
  final class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
