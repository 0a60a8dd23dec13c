package com.acme.rma.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document is a valid AsyncAPI 3.0.0 document, by the specification's own JSON Schema. */
class AsyncApiSpecTest {

  private static final Schema ASYNCAPI_3 = load();

  private static Schema load() {
    try (InputStream in =
        AsyncApiSpecTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
      String schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(schema, InputFormat.JSON);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> violations(JsonNode document) {
    return ASYNCAPI_3.validate(document.toString(), InputFormat.JSON).stream()
        .map(Error::toString)
        .toList();
  }

  @Test
  void theDocumentAsKeptIsValidAsyncApi3() {
    assertEquals(List.of(), violations(AsyncApi.tree()));
  }

  @Test
  void theDocumentAsServedIsValidAsyncApi3() {
    assertEquals(List.of(), violations(AsyncApi.bundled()));
  }

  @Test
  void aDocumentThatBreaksTheSpecificationIsRefused() {
    ObjectNode broken = (ObjectNode) AsyncApi.tree();
    ((ObjectNode) broken.at("/operations/rmaIntake.sendLifecycle")).put("action", "publish");
    assertFalse(violations(broken).isEmpty());
  }
}
