package com.acme.rma.intake.adapters.registry;

import com.acme.rma.intake.application.ServiceToken;
import com.acme.rma.intake.application.SiteRegistry;
import com.acme.rma.intake.config.IntakeConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.vertx.core.VertxException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Calls the address-registry with short timeouts and one retry (both calls are idempotent). Down,
 * slow, 5xx or unintelligible all mean "unavailable": the request is answered 503 and stores
 * nothing.
 */
@ApplicationScoped
public class RegistryHttpClient implements SiteRegistry {

  private static final Logger LOG = Logger.getLogger(RegistryHttpClient.class);

  private final RegistryApi api;
  private final int retries;
  private final ServiceToken token;

  @Inject
  public RegistryHttpClient(IntakeConfig config, Instance<ServiceToken> tokens) {
    this(URI.create(config.registryUrl()), config.registry(), tokens.get());
  }

  RegistryHttpClient(URI baseUri, IntakeConfig.Registry settings, ServiceToken token) {
    this.retries = settings.retries();
    this.token = token;
    this.api =
        QuarkusRestClientBuilder.newBuilder()
            .baseUri(baseUri)
            .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            // statuses are answers here (404 not registered, 409 held), not exceptions
            .property("microprofile.rest.client.disable.default.mapper", true)
            .build(RegistryApi.class);
  }

  @Override
  public LockOutcome lock(String serialNumber, String rmaNumber, String partnerId) {
    return withRetry(
        "lock " + serialNumber,
        () -> api.lock(serialNumber, bearer(), new RegistryApi.LockBody(rmaNumber, partnerId)),
        response -> lockOutcome(response, rmaNumber));
  }

  @Override
  public void release(String serialNumber, String rmaNumber) {
    withRetry(
        "release " + serialNumber + "/" + rmaNumber,
        () -> api.release(serialNumber, rmaNumber, bearer()),
        response -> {
          int status = response.getStatus();
          if (status == 204 || status == 200 || status == 404) {
            return Boolean.TRUE; // released, or nothing (left) to release
          }
          throw unexpected(response);
        });
  }

  /** This service's own token, fetched for every call (the source keeps and refreshes it). */
  private String bearer() {
    try {
      return "Bearer " + token.current();
    } catch (ServiceToken.UnavailableException e) {
      throw new Unexpected(e.getMessage());
    }
  }

  private static LockOutcome lockOutcome(Response response, String rmaNumber) {
    int status = response.getStatus();
    if (status == 200) {
      try {
        return new LockOutcome.Locked(
            response.readEntity(RegistryAnswers.Lock.class).toDomain(rmaNumber));
      } catch (IllegalArgumentException e) {
        throw new Unexpected(e.getMessage());
      }
    }
    if (status == 404) {
      RegistryAnswers.Problem problem = problem(response);
      if (problem != null && "SITE_NOT_FOUND".equals(problem.code())) {
        return new LockOutcome.NotRegistered();
      }
    }
    if (status == 409) {
      RegistryAnswers.Problem problem = problem(response);
      if (problem != null && "ADDRESS_LOCKED".equals(problem.code())) {
        if (problem.rmaNumber() == null || problem.rmaNumber().isBlank()) {
          throw new Unexpected("409 ADDRESS_LOCKED without the holder's rmaNumber");
        }
        return new LockOutcome.HeldBy(problem.rmaNumber());
      }
      if (problem != null && "SITE_OWNER_NOT_RECORDED".equals(problem.code())) {
        return new LockOutcome.OwnerNotRecorded();
      }
    }
    throw unexpected(response);
  }

  private static RegistryAnswers.Problem problem(Response response) {
    try {
      return response.readEntity(RegistryAnswers.Problem.class);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private <T> T withRetry(String what, Supplier<Response> call, Function<Response, T> read) {
    RuntimeException last = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      try (Response response = call.get()) {
        if (response.getStatus() >= 500) {
          last = new Unexpected("HTTP " + response.getStatus());
        } else {
          return read.apply(response);
        }
      } catch (Unexpected e) {
        // an answer this client cannot use will not improve by asking again
        throw new UnavailableException(what + ": " + e.getMessage(), e);
      } catch (ProcessingException | WebApplicationException | VertxException e) {
        // unreachable, timed out, or the answer could not be read; a connection the registry
        // closed while the call used it (HttpClosedException, seen under overload) may surface
        // unwrapped from Vert.x
        last = e;
      }
      LOG.debugf("registry call %s failed (attempt %d): %s", what, attempt + 1, last.getMessage());
    }
    throw new UnavailableException(what + " failed: " + last.getMessage(), last);
  }

  private static Unexpected unexpected(Response response) {
    return new Unexpected("unexpected answer HTTP " + response.getStatus());
  }

  /** An answer that is not part of the lock API's contract. */
  private static final class Unexpected extends RuntimeException {
    Unexpected(String message) {
      super(message);
    }
  }
}
