package com.acme.rma.platform.observe;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Puts a request's {@code {rmaNumber}} / {@code {serialNumber}} path parameters in the MDC. */
public class CorrelationFilter {

  @ServerRequestFilter
  public void fromPath(ContainerRequestContext request) {
    MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
    Correlation.rma(path.getFirst(Correlation.RMA_NUMBER));
    Correlation.serial(path.getFirst(Correlation.SERIAL_NUMBER));
  }

  @ServerResponseFilter
  public void clear(ContainerResponseContext response) {
    Correlation.clear();
  }
}
