package com.acme.rma.intake.domain;

/** Whom the carrier or support may call about an RMA. */
public record Contact(String name, String phone, String email) {}
