package com.acme.rma.intake.adapters.rest;

import com.acme.rma.intake.domain.Contact;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Whom to call about the RMA: a name, and a phone number and/or an e-mail address. */
public record ContactBody(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 64) String phone,
    @Email @Size(max = 320) String email) {

  Contact toDomain() {
    return new Contact(name, phone, email);
  }

  static ContactBody of(Contact c) {
    return c == null ? null : new ContactBody(c.name(), c.phone(), c.email());
  }
}
