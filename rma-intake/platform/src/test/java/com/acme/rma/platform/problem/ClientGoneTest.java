package com.acme.rma.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A client that hangs up mid-body is not a failure of the service: no 500, no stack trace. */
class ClientGoneTest {

  private final ProblemMappers mappers = new ProblemMappers();

  @Test
  void aConnectionClosedWhileTheBodyIsReadIsAnAbortedRequest() {
    // what RESTEasy Reactive throws when Jackson reads a body whose connection closed
    Exception e =
        new IOException(new IOException(new HttpClosedException("Connection was closed")));

    Response response = mappers.unexpected(e);

    assertEquals(400, response.getStatus());
    assertEquals("REQUEST_ABORTED", ((Problem) response.getEntity()).code());
  }

  @Test
  void anyOtherUnexpectedFailureIsStillA500() {
    Response response = mappers.unexpected(new IllegalStateException("a bug"));

    assertEquals(500, response.getStatus());
  }
}
