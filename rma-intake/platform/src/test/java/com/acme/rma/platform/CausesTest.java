package com.acme.rma.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.testsupport.HostileCampaign;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What ops read of a failure carries no code names (texts as found on the dead-letter topics). */
class CausesTest {

  /**
   * What only a leaked exception or stack trace would put in an answer (the hostile campaign's).
   */
  static final List<String> CODE_MARKERS = HostileCampaign.TRACE_MARKERS;

  static void assertPlain(String text) {
    for (String marker : CODE_MARKERS) {
      assertTrue(!text.contains(marker), "'" + marker + "' in: " + text);
    }
  }

  @Test
  void aQualifiedClassNameBecomesItsSimpleName() {
    String jackson =
        "Cannot deserialize value of type `java.lang.String` from Object value (token"
            + " `JsonToken.START_OBJECT`)\n at [Source: REDACTED"
            + " (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 14]"
            + " (through reference chain:"
            + " com.acme.rma.dispatch.adapters.kafka.CarrierStatus[\"rmaNumber\"])";
    String plain = Causes.plain(jackson);
    assertPlain(plain);
    assertTrue(
        plain.startsWith(
            "Cannot deserialize value of type `String` from Object value (token"
                + " `JsonToken.START_OBJECT`) at [Source:"),
        plain);
    assertTrue(plain.endsWith("(through reference chain: CarrierStatus[\"rmaNumber\"])"), plain);
  }

  @Test
  void anExceptionsNameGoesWithItsColon() {
    assertEquals("no row", Causes.plain("java.lang.IllegalStateException: no row"));
    assertEquals("", Causes.plain("java.lang.NullPointerException"));
    assertEquals(
        "Unable to acquire JDBC Connection [Connection to 127.0.0.1:5432 refused.]",
        Causes.plain(
            "org.hibernate.exception.JDBCConnectionException: Unable to acquire JDBC Connection"
                + " [Connection to 127.0.0.1:5432 refused.]"));
    assertEquals(
        "[22001]: ERROR: value too long",
        Causes.plain("PSQLException [22001]: ERROR: value too long"));
  }

  @Test
  void aStackTraceLosesItsCodeNames() {
    String plain =
        Causes.plain(
            "boom\n\tat com.acme.rma.Foo.bar(Foo.java:12)\n\tat"
                + " io.smallrye.reactive.messaging.Invoker.invoke(Invoker.java:3)");
    assertPlain(plain);
    assertEquals("boom at Foo(12) at Invoker(3)", plain);
  }

  @Test
  void everydayTextIsKept() {
    for (String text :
        List.of(
            "forged source: ce_source /fault-suite is not the producer of rma.cancelled.v1 (the"
                + " contract names /rma-intake)",
            "header ce_id is missing",
            "time in the future: ce_time 2026-12-01T14:51:06Z is more than PT5M ahead",
            "ERROR: null value in column \"city\" violates not-null constraint",
            "Error while reading kafka.example.com:9092, e.g. v1.2.3")) {
      assertEquals(text, Causes.plain(text));
    }
    assertNull(Causes.plain(null));
  }

  @Test
  void aFailureIsDescribedByTheFirstMessageInItsChain() {
    assertEquals(
        "no such shipment",
        Causes.describe(
            new RuntimeException(new IllegalStateException("no such shipment")), "fallback"));
    assertEquals("fallback", Causes.describe(new NullPointerException(), "fallback"));
  }

  @Test
  void aLongHostileTextTakesOnePass() {
    String hostile = "a.".repeat(200_000) + "java.lang.Exception: " + "Ab$".repeat(100_000);
    long start = System.nanoTime();
    String plain = Causes.plain(hostile);
    assertPlain(plain);
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "took too long");
  }
}
