package com.acme.rma.platform.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.platform.inbox.PoisonEventException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void aPoisonEventIsPoisonWhereverItSitsInTheChain() {
    assertTrue(Failures.isPoison(new PoisonEventException("no ce_id")));
    assertTrue(Failures.isPoison(new IllegalStateException(new PoisonEventException("x"))));
  }

  @Test
  void dataThatTheDatabaseRefusesByItsShapeIsPoison() {
    assertTrue(Failures.isPoison(wrapped(new SQLException("value too long", "22001"))));
    assertTrue(Failures.isPoison(wrapped(new SQLException("null value", "23502"))));
    assertTrue(Failures.isPoison(wrapped(new SQLException("check", "23514"))));
    assertTrue(Failures.isPoison(wrapped(new SQLException("foreign key", "23503"))));
    assertTrue(
        Failures.isPoison(new ConstraintViolationException("postalCode too long", Set.of())));
  }

  @Test
  void aDatabaseThatCannotBeReachedIsTransient() {
    assertFalse(
        Failures.isPoison(
            wrapped(new SQLTransientConnectionException("Unable to acquire JDBC Connection"))));
    assertFalse(Failures.isPoison(wrapped(new SQLException("conn refused", "08001"))));
    assertFalse(Failures.isPoison(wrapped(new SQLException("admin shutdown", "57P01"))));
    assertFalse(Failures.isPoison(wrapped(new SQLException("too many clients", "53300"))));
    assertFalse(Failures.isPoison(new PersistenceException(new ConnectException("refused"))));
  }

  @Test
  void aConcurrentWriterIsTransientSoTheRetrySeesTheWinner() {
    assertFalse(Failures.isPoison(wrapped(new SQLException("serialization", "40001"))));
    assertFalse(Failures.isPoison(wrapped(new SQLException("deadlock", "40P01"))));
    assertFalse(Failures.isPoison(wrapped(new SQLException("duplicate key", "23505"))));
  }

  @Test
  void anUnexpectedFailureIsRetriedRatherThanLost() {
    assertFalse(Failures.isPoison(new IllegalStateException("a bug")));
    assertFalse(Failures.isPoison(new NullPointerException()));
  }

  @Test
  void theReasonNamesTheDeepestCauseInOneBoundedLine() {
    String reason =
        Failures.reason(
            new PersistenceException(
                "could not execute statement", new SQLException("value too long\nfor", "22001")));
    assertTrue(reason.contains("SQLException") && reason.contains("22001"), reason);
    assertFalse(reason.contains("\n"), reason);
    assertTrue(Failures.reason(new IllegalStateException("x".repeat(5000))).length() < 600);
  }

  @Test
  void aDeadLettersReasonAndCauseArePlainSentences() {
    // a consumer's own poison with the parser's failure inside
    PoisonEventException poison =
        Failures.deadLetter(
            new PoisonEventException(
                "data of logistics.carrier.status.v1 is not a valid CarrierStatus: Cannot"
                    + " deserialize value of type `java.lang.String` from Object value",
                new IllegalArgumentException(
                    "Cannot deserialize value of type `java.lang.String` from Object value\n at"
                        + " [Source: REDACTED; line: 1, column: 14] (through reference chain:"
                        + " com.acme.rma.dispatch.adapters.kafka.CarrierStatus[\"rmaNumber\"])")));
    assertEquals(
        "data of logistics.carrier.status.v1 is not a valid CarrierStatus: Cannot deserialize"
            + " value of type `String` from Object value",
        poison.getMessage());
    assertPlain(poison.getCause().getMessage());
    assertTrue(poison.getCause().getMessage().contains("line: 1, column: 14"));
    // what SmallRye writes when a cause has no message: its toString()
    assertEquals(poison.getCause().getMessage(), poison.getCause().toString());

    // the database refusing the data: its message and SQLState, no class
    PoisonEventException refused =
        Failures.deadLetter(
            new PersistenceException(
                "org.hibernate.exception.ConstraintViolationException: could not execute"
                    + " statement",
                new SQLException("ERROR: null value in column \"city\"", "23502")));
    assertEquals("ERROR: null value in column \"city\" [23502]", refused.getMessage());
    assertEquals("could not execute statement", refused.getCause().getMessage());

    // bean validation without a message of its own, a poison without a cause
    assertPlain(Failures.deadLetter(new ConstraintViolationException(null, Set.of())).getMessage());
    PoisonEventException bare = Failures.deadLetter(new PoisonEventException("no ce_id"));
    assertEquals("no ce_id", bare.getMessage());
    assertNull(bare.getCause());
  }

  private static void assertPlain(String text) {
    for (String marker : List.of("Exception", "java.", "com.acme.", "org.", ".java:")) {
      assertFalse(text.contains(marker), "'" + marker + "' in: " + text);
    }
  }

  private static RuntimeException wrapped(SQLException e) {
    return new PersistenceException("could not execute statement", e);
  }
}
