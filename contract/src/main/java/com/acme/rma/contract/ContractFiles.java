package com.acme.rma.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads the contract's files from the classpath (they live under {@code contract/}). */
final class ContractFiles {

  static final String ROOT = "contract/";
  static final ObjectMapper JSON = new ObjectMapper();

  private ContractFiles() {}

  /** The file's text, if the contract has it. */
  static Optional<String> find(String path) {
    try (InputStream in = ContractFiles.class.getClassLoader().getResourceAsStream(ROOT + path)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(String path) {
    return find(path)
        .orElseThrow(() -> new IllegalArgumentException("the contract has no file " + path));
  }

  static JsonNode readJson(String path) {
    try {
      return JSON.readTree(read(path));
    } catch (IOException e) {
      throw new UncheckedIOException("contract file " + path + " is not JSON", e);
    }
  }

  /** {@code schemas/<type>.schema.json}. */
  static String schemaPath(String type) {
    return "schemas/" + type + ".schema.json";
  }

  /** {@code schemas/structured/<type>.schema.json}: the structured-mode CloudEvent of a type. */
  static String structuredSchemaPath(String type) {
    return "schemas/structured/" + type + ".schema.json";
  }
}
