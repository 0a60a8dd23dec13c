package com.acme.rma.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** The chains below are the ones PostgreSQL, Agroal, Hibernate and Narayana really produce. */
class DatabaseUnavailableTest {

  @Test
  void aRefusedConnectionIsAnOutage() {
    SQLException refused =
        new SQLException(
            "Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("refused"));
    assertTrue(
        DatabaseUnavailable.isCause(
            new JDBCConnectionException("Unable to acquire JDBC Connection", refused)));
    assertTrue(DatabaseUnavailable.isCause(refused));
  }

  @Test
  void aDatabaseThatDoesNotAcceptConnectionsIsAnOutage() {
    SQLException notAccepting =
        new SQLException(
            "FATAL: database \"rma_intake\" is not currently accepting connections", "55000");
    assertTrue(
        DatabaseUnavailable.isCause(
            new GenericJDBCException(
                "Unable to acquire JDBC Connection [FATAL: database ...]", notAccepting)));
  }

  @Test
  void aConnectionTerminatedByAShutdownIsAnOutageEvenWhenTheCommitWrapsIt() {
    SQLException terminated =
        new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    Exception commit =
        new QuarkusTransactionException(
            new RollbackException("ARJUNA016053: Could not commit transaction."));
    commit
        .getCause()
        .initCause(new GenericJDBCException("could not execute statement", terminated));
    assertTrue(DatabaseUnavailable.isCause(commit));
    assertTrue(
        DatabaseUnavailable.isCause(
            new SQLException("the database system is starting up", "57P03")));
    assertTrue(
        DatabaseUnavailable.isCause(new SQLException("This connection has been closed.", "08003")));
  }

  @Test
  void thePoolsAcquisitionTimeoutIsAnOutage() {
    assertTrue(
        DatabaseUnavailable.isCause(
            new PersistenceException(
                new SQLException("Acquisition timeout while waiting for new connection"))));
  }

  @Test
  void otherSqlFailuresAreNotAnOutage() {
    assertFalse(
        DatabaseUnavailable.isCause(
            new ConstraintViolationException(
                "duplicate key", new SQLException("duplicate key", "23505"), "pk")));
    assertFalse(
        DatabaseUnavailable.isCause(
            new GenericJDBCException(
                "could not execute statement",
                new SQLException("column \"x\" does not exist", "42703"))));
    assertFalse(
        DatabaseUnavailable.isCause(
            new GenericJDBCException(
                "could not execute statement", new SQLException("deadlock detected", "40P01"))));
    assertFalse(DatabaseUnavailable.isCause(new IllegalStateException("a bug")));
    assertFalse(DatabaseUnavailable.isCause(new SQLException("timeout", (String) null)));
  }
}
