package com.acme.rma.intake.adapters.rest;

import com.acme.rma.intake.domain.Contact;
import com.acme.rma.platform.rest.FieldLimits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Whom to call about the RMA: a name, and a phone number and/or an e-mail address. */
public record ContactBody(
    @NotBlank @Size(max = FieldLimits.CONTACT_NAME) String name,
    @Size(max = FieldLimits.PHONE) String phone,
    @Email @Size(max = FieldLimits.EMAIL) String email) {

  Contact toDomain() {
    return new Contact(name, phone, email);
  }

  static ContactBody of(Contact c) {
    return c == null ? null : new ContactBody(c.name(), c.phone(), c.email());
  }
}
