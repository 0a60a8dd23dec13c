package com.acme.rma.intake.adapters.identity;

import com.acme.rma.intake.application.ServiceToken;
import com.acme.rma.intake.config.IntakeConfig;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * The service token as configured: minted by {@code deploy/local/stack.sh} (a file, {@code
 * RMA_SERVICE_TOKEN_FILE}) or by the test support (a value, {@code RMA_SERVICE_TOKEN}). A file is
 * re-read when it changes, so a fresh token can be written beside a running service.
 */
@ApplicationScoped
@LookupIfProperty(
    name = "rma.intake.service-token.source",
    stringValue = "configured",
    lookupIfMissing = true)
public class ConfiguredServiceToken implements ServiceToken {

  private final IntakeConfig.ServiceToken settings;
  private volatile Cached cached;

  public ConfiguredServiceToken(IntakeConfig config) {
    this.settings = config.serviceToken();
  }

  /** Refuses to start without a token source: every Gold Plus request would fail otherwise. */
  void check(@Observes StartupEvent start) {
    if ("configured".equals(settings.source())
        && settings.file().isEmpty()
        && settings.value().isEmpty()) {
      throw new IllegalStateException(
          "rma-intake needs its own token for the registry's lock API: set RMA_SERVICE_TOKEN_FILE"
              + " (or RMA_SERVICE_TOKEN), or rma.intake.service-token.source=oidc-client");
    }
  }

  @Override
  public String current() {
    Optional<Path> file = settings.file();
    if (file.isEmpty()) {
      return settings
          .value()
          .map(String::strip)
          .orElseThrow(() -> new UnavailableException("no service token configured", null));
    }
    try {
      FileTime modified = Files.getLastModifiedTime(file.get());
      Cached now = cached;
      if (now == null || !now.modified().equals(modified)) {
        now = new Cached(modified, Files.readString(file.get(), StandardCharsets.UTF_8).strip());
        cached = now;
      }
      return now.token();
    } catch (IOException e) {
      throw new UnavailableException("cannot read the service token " + file.get(), e);
    }
  }

  private record Cached(FileTime modified, String token) {}
}
