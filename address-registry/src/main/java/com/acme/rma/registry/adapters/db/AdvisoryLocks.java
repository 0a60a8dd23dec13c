package com.acme.rma.registry.adapters.db;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL transaction-level advisory locks in the two-key space (separate from the one-key space
 * the outbox relay uses). Every site change holds the centers lock shared and every center change
 * holds it exclusively, so a site is never published against centers changing under it; the serial
 * number lock makes two first registrations of the same appliance wait for each other.
 */
final class AdvisoryLocks {

  private static final int CENTERS = 0x5247_4331; // "RGC1"
  private static final int SERIAL = 0x5247_5331; // "RGS1"

  private AdvisoryLocks() {}

  static void centersShared(EntityManager em) {
    em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock_shared(:ns, 0)) l")
        .setParameter("ns", CENTERS)
        .getSingleResult();
  }

  static void centersExclusive(EntityManager em) {
    em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(:ns, 0)) l")
        .setParameter("ns", CENTERS)
        .getSingleResult();
  }

  static void serialNumber(EntityManager em, String serialNumber) {
    em.createNativeQuery(
            "select count(*) from (select pg_advisory_xact_lock(:ns, hashtext(:serial))) l")
        .setParameter("ns", SERIAL)
        .setParameter("serial", serialNumber)
        .getSingleResult();
  }
}
