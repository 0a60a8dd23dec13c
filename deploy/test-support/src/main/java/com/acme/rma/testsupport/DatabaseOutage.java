package com.acme.rma.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real outage of one PostgreSQL database as the service sees it: new connections are refused and
 * every open one is cut, until {@link #close()}. Done from an administrator's connection to {@code
 * template1} of the same server, so it works on the embedded server and on an external one where
 * the test user may alter the database.
 *
 * <pre>{@code
 * try (DatabaseOutage outage = DatabaseOutage.begin(url, user, password)) {
 *   // the service's database is down here
 * }
 * }</pre>
 */
public final class DatabaseOutage implements AutoCloseable {

  private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?$");

  private final String adminUrl;
  private final String database;
  private final String user;
  private final String password;

  private DatabaseOutage(String adminUrl, String database, String user, String password) {
    this.adminUrl = adminUrl;
    this.database = database;
    this.user = user;
    this.password = password;
  }

  /** Takes the running service's own database (its {@code quarkus.datasource.*}) down now. */
  public static DatabaseOutage begin() {
    org.eclipse.microprofile.config.Config config =
        org.eclipse.microprofile.config.ConfigProvider.getConfig();
    return begin(
        config.getValue("quarkus.datasource.jdbc.url", String.class),
        config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
        config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
  }

  /** Takes the database of {@code jdbcUrl} down now. */
  public static DatabaseOutage begin(String jdbcUrl, String user, String password) {
    Matcher m = URL.matcher(jdbcUrl);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    String admin = m.group(1) + "template1" + (m.group(3) == null ? "" : m.group(3));
    DatabaseOutage outage = new DatabaseOutage(admin, m.group(2), user, password);
    outage.execute(
        "alter database \"" + outage.database + "\" with allow_connections false",
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
            + outage.database.replace("'", "''")
            + "' and pid <> pg_backend_pid()");
    return outage;
  }

  /** Ends the outage: the database accepts connections again. */
  @Override
  public void close() {
    execute("alter database \"" + database + "\" with allow_connections true");
  }

  private void execute(String... statements) {
    try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not change the availability of " + database, e);
    }
  }
}
