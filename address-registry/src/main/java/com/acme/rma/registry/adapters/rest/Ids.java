package com.acme.rma.registry.adapters.rest;

/** The shapes of identifiers in paths and bodies. */
final class Ids {

  /** Serial numbers and service center ids: 1–64 letters, digits, '.', '_' or '-'. */
  static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  static final String NAME_MESSAGE =
      "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

  /** RMA numbers, such as RMA-2026-000042: 1–64 letters, digits or '-'. */
  static final String RMA = "[A-Za-z0-9][A-Za-z0-9-]{0,63}";

  static final String RMA_MESSAGE =
      "must be 1 to 64 letters, digits or '-', starting with a letter or digit";

  private Ids() {}
}
