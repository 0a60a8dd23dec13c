package com.acme.rma.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses bodies over 64 KiB with a 413 problem before they are read. Declared lengths are checked
 * up front; chunked bodies are cut by {@code quarkus.http.limits.max-body-size}, whose bare 413 is
 * turned into the same problem here.
 */
@ApplicationScoped
public class RequestBodyLimit {

  public static final long MAX_BODY_BYTES = 64 * 1024;

  private final String tooLarge;

  public RequestBodyLimit(ObjectMapper mapper) throws JsonProcessingException {
    this.tooLarge =
        mapper.writeValueAsString(
            Problem.of(
                413,
                "PAYLOAD_TOO_LARGE",
                "Payload too large",
                "The body is larger than " + MAX_BODY_BYTES + " bytes."));
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
    router.route().order(Integer.MIN_VALUE).failureHandler(this::explainTooLarge);
  }

  private void checkDeclaredLength(RoutingContext ctx) {
    String declared = ctx.request().getHeader("Content-Length");
    if (declared != null && exceedsLimit(declared)) {
      answerTooLarge(ctx);
    } else {
      ctx.next();
    }
  }

  private void explainTooLarge(RoutingContext ctx) {
    if (ctx.statusCode() == 413 && !ctx.response().ended()) {
      answerTooLarge(ctx);
    } else {
      ctx.next();
    }
  }

  private void answerTooLarge(RoutingContext ctx) {
    ctx.response()
        .setStatusCode(413)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader("Connection", "close")
        .end(tooLarge);
  }

  private static boolean exceedsLimit(String declared) {
    try {
      return Long.parseLong(declared.trim()) > MAX_BODY_BYTES;
    } catch (NumberFormatException e) {
      return false; // Vert.x itself rejects a malformed Content-Length
    }
  }
}
