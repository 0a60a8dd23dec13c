package com.acme.rma.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates an event's data against its JSON Schema (draft 2020-12, formats asserted) with the
 * networknt validator. For tests: the validator is an optional dependency of the contract (no
 * service ships it), and {@code rma-test-support} puts it on every test classpath.
 */
public final class ContractSchemas {

  /** The base of every schema's {@code $id}; resolved to the contract's files on the classpath. */
  public static final String ID_BASE = "https://acme.com/rma/contract/schemas/";

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaIdResolvers(
                  resolvers ->
                      resolvers.mapPrefix(
                          ID_BASE, "classpath:" + ContractFiles.ROOT + "schemas/")));

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private ContractSchemas() {}

  /**
   * The violations of {@code json} (an event's data, as on the wire) against the schema of {@code
   * type}; empty when it is valid.
   */
  public static List<String> validate(String type, String json) {
    return validateAgainst(type + ".schema.json", json);
  }

  /** The violations of a structured-mode CloudEvent (envelope and data) of {@code type}. */
  public static List<String> validateStructured(String type, String json) {
    return validateAgainst("structured/" + type + ".schema.json", json);
  }

  private static List<String> validateAgainst(String file, String json) {
    if (ContractFiles.find("schemas/" + file).isEmpty()) {
      throw new IllegalArgumentException("the contract has no schema " + file);
    }
    Schema schema =
        SCHEMAS.computeIfAbsent(file, f -> REGISTRY.getSchema(SchemaLocation.of(ID_BASE + f)));
    List<Error> errors =
        schema.validate(
            json,
            InputFormat.JSON,
            context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    return errors.stream().map(Error::toString).toList();
  }
}
