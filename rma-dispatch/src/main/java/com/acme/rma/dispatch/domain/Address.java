package com.acme.rma.dispatch.domain;

/** A delivery address as the RMA names it (country: ISO 3166-1 alpha-2). */
public record Address(
    String line1,
    String line2,
    String city,
    String region,
    String postalCode,
    String country,
    Double latitude,
    Double longitude) {}
