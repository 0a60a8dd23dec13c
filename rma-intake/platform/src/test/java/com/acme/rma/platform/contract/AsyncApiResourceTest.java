package com.acme.rma.platform.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.contract.AsyncApi;
import com.acme.rma.contract.Topics;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code GET /q/asyncapi}: the contract's document, public, YAML or JSON. */
@QuarkusTest
class AsyncApiResourceTest {

  @Test
  void servesTheBundledDocumentAsYamlWithoutAToken() throws Exception {
    String body =
        given()
            .get("/q/asyncapi")
            .then()
            .statusCode(200)
            .contentType(startsWith("application/yaml"))
            .extract()
            .asString();
    JsonNode served = new YAMLMapper().readTree(body);
    assertEquals("3.0.0", served.path("asyncapi").asText());
    assertTrue(AsyncApi.bundled().equals(served), "the served document is the bundled contract");
    Set<String> addresses = new TreeSet<>();
    served.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
    Set<String> expected = new TreeSet<>(Topics.ALL);
    expected.add("{service}.dlq");
    assertEquals(expected, addresses);
  }

  @Test
  void servesTheSameDocumentAsJsonOnRequest() throws Exception {
    String body =
        given()
            .queryParam("format", "json")
            .get("/q/asyncapi")
            .then()
            .statusCode(200)
            .contentType(startsWith("application/json"))
            .extract()
            .asString();
    assertTrue(
        AsyncApi.bundled().equals(new ObjectMapper().readTree(body)),
        "the served document is the bundled contract");
  }

  @Test
  void servesItToAnyCallerWhateverTheirRole() {
    given()
        .auth()
        .oauth2(TestTokens.customer())
        .get("/q/asyncapi")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/yaml"));
  }

  @Test
  void answersAnUnknownFormatWith400Problem() {
    given()
        .queryParam("format", "xml")
        .get("/q/asyncapi")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations[0].field", equalTo("format"));
  }
}
