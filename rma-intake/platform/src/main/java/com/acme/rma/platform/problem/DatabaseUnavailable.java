package com.acme.rma.platform.problem;

import com.acme.rma.platform.Causes;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a failure of the service's own database being unreachable (down, restarting, refusing
 * connections, the pool unable to hand out a connection in time) from any other SQL failure. The
 * first is answered 503 {@code DEPENDENCY_UNAVAILABLE} with {@code Retry-After}: the same request
 * will succeed once the database is back. The second stays a 500.
 *
 * <p>Recognised anywhere in the cause chain (Hibernate, Narayana and Agroal wrap the driver's
 * exception in several layers):
 *
 * <ul>
 *   <li>an {@link SQLException} with SQLState class {@code 08} (connection exception: refused,
 *       broken, closed), {@code 57P01}–{@code 57P03} (the server shuts down, crashed or is
 *       starting) or {@code 53300} (too many connections);
 *   <li>Hibernate's {@code JDBCConnectionException};
 *   <li>Hibernate's "Unable to acquire JDBC Connection" (the database refused to give a connection
 *       at all, e.g. {@code 55000} while it does not accept connections);
 *   <li>Agroal's "Acquisition timeout" (no connection within the datasource's acquisition timeout).
 * </ul>
 */
public final class DatabaseUnavailable {

  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
  private static final String HIBERNATE_CONNECTION_EXCEPTION =
      "org.hibernate.exception.JDBCConnectionException";
  private static final String HIBERNATE_JDBC_EXCEPTION = "org.hibernate.JDBCException";
  private static final String UNABLE_TO_ACQUIRE = "Unable to acquire JDBC Connection";
  private static final String AGROAL_ACQUISITION_TIMEOUT = "Acquisition timeout";

  private DatabaseUnavailable() {}

  /** Whether this failure, or one it wraps, means the database cannot be reached right now. */
  public static boolean isCause(Throwable failure) {
    for (Throwable t : Causes.of(failure)) {
      if (t instanceof SQLException sql && unavailable(sql)) {
        return true;
      }
      if (isA(t, HIBERNATE_CONNECTION_EXCEPTION)) {
        return true;
      }
      if (isA(t, HIBERNATE_JDBC_EXCEPTION) && startsWith(t.getMessage(), UNABLE_TO_ACQUIRE)) {
        return true;
      }
    }
    return false;
  }

  private static boolean unavailable(SQLException e) {
    String state = e.getSQLState();
    if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
      return true;
    }
    return state == null && startsWith(e.getMessage(), AGROAL_ACQUISITION_TIMEOUT);
  }

  /** By name, so that the kit does not need Hibernate on the class path of every caller. */
  private static boolean isA(Throwable t, String className) {
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals(className)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(String text, String prefix) {
    return text != null && text.startsWith(prefix);
  }
}
