package com.acme.rma.platform.consume;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.platform.inbox.PoisonEventException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
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
        Failures.isPoison(
            new jakarta.validation.ConstraintViolationException("postalCode too long", Set.of())));
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

  private static RuntimeException wrapped(SQLException e) {
    return new PersistenceException("could not execute statement", e);
  }
}
