package com.acme.rma.dispatch.domain;

import java.util.Objects;

/** Where the replacement leaves from: the qualifying service center or the central depot. */
public record Origin(Type type, String id) {

  public enum Type {
    SERVICE_CENTER,
    DEPOT
  }

  public Origin {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }

  public static Origin serviceCenter(String id) {
    return new Origin(Type.SERVICE_CENTER, id);
  }

  public static Origin depot(String id) {
    return new Origin(Type.DEPOT, id);
  }
}
