package com.acme.rma.intake.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Takes the service's own database away and gives it back, from an admin connection to another
 * database of the same server: {@code allow_connections false} refuses new connections and every
 * open one is terminated, as when PostgreSQL goes down under the pool. The whole test class set
 * shares the database, so callers restore in a {@code finally} block.
 */
public final class DatabaseOutage implements AutoCloseable {

  private final String adminUrl;
  private final String user;
  private final String password;
  private final String database;

  private DatabaseOutage(String adminUrl, String user, String password, String database) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
    this.database = database;
  }

  /** Refuses connections to the service's database and ends the open ones. */
  public static DatabaseOutage begin() {
    Config config = ConfigProvider.getConfig();
    String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
    URI uri = URI.create(url.substring("jdbc:".length()));
    String database = uri.getPath().substring(1);
    String admin =
        "jdbc:"
            + uri.getScheme()
            + "://"
            + uri.getRawAuthority()
            + "/template1"
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    DatabaseOutage outage =
        new DatabaseOutage(
            admin,
            config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
            config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null),
            database);
    outage.run(
        "alter database \"" + database + "\" with allow_connections false",
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
            + database
            + "' and pid <> pg_backend_pid()");
    return outage;
  }

  /** Lets connections in again. */
  @Override
  public void close() {
    run("alter database \"" + database + "\" with allow_connections true");
  }

  private void run(String... statements) {
    try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot change the availability of " + database, e);
    }
  }
}
