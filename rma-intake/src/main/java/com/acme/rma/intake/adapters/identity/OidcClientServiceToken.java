package com.acme.rma.intake.adapters.identity;

import com.acme.rma.intake.application.ServiceToken;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.runtime.TokensHelper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The service token in k8s: an OAuth 2.0 client-credentials grant at the identity provider ({@code
 * quarkus.oidc-client.*}, set in the k8s overlay), kept and refreshed before it expires ({@code
 * quarkus.oidc-client.refresh-token-time-skew}) by the OIDC client's token helper.
 */
@ApplicationScoped
@LookupIfProperty(name = "rma.intake.service-token.source", stringValue = "oidc-client")
public class OidcClientServiceToken implements ServiceToken {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final OidcClient client;
  private final TokensHelper tokens = new TokensHelper();

  public OidcClientServiceToken(OidcClient client) {
    this.client = client;
  }

  @Override
  public String current() {
    try {
      return tokens.getTokens(client).await().atMost(WAIT).getAccessToken();
    } catch (RuntimeException e) {
      throw new UnavailableException("no service token from the identity provider", e);
    }
  }
}
