package com.acme.rma.platform.rest;

import com.acme.rma.platform.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose decoded path holds a control character (e.g. {@code %00}) with a 400
 * {@code VALIDATION_FAILED} on {@code path}, before any resource sees it: no id, number or name in
 * this API has one, and PostgreSQL refuses a NUL in text (it would be a 500).
 */
public class PathCharacters {

  @ServerRequestFilter(preMatching = true)
  public void refuseControlCharacters(ContainerRequestContext request) {
    if (hasControlCharacter(request.getUriInfo().getPath(true))) {
      throw ProblemException.invalid("path", "must not contain control characters");
    }
  }

  static boolean hasControlCharacter(String path) {
    for (int i = 0; i < path.length(); i++) {
      if (Character.isISOControl(path.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
