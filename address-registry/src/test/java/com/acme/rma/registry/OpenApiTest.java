package com.acme.rma.registry;

import static io.restassured.RestAssured.given;

import com.acme.rma.testsupport.OpenApiChecks;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is one an integrator can generate a client from: every operation with its
 * request and response schemas and its problem answers; Swagger UI is served.
 */
@QuarkusTest
class OpenApiTest {

  @Test
  void documentsEveryOperationWithItsSchemasAndProblems() {
    String json = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    OpenApiChecks.assertClientReady(
        json,
        Map.ofEntries(
            Map.entry(
                "PUT /api/v1/sites/{serialNumber}/address", Set.of("200", "400", "404", "409")),
            Map.entry("GET /api/v1/sites/{serialNumber}", Set.of("200", "404")),
            Map.entry(
                "POST /api/v1/sites/{serialNumber}/lock",
                Set.of("200", "400", "403", "404", "409")),
            Map.entry(
                "DELETE /api/v1/sites/{serialNumber}/lock/{rmaNumber}",
                Set.of("204", "403", "404", "409")),
            Map.entry(
                "POST /api/v1/sites/{serialNumber}/lock/force-release",
                Set.of("200", "400", "404", "409")),
            Map.entry("GET /api/v1/sites/{serialNumber}/lock/force-releases", Set.of("200", "400")),
            Map.entry("PUT /api/v1/service-centers/{id}", Set.of("200", "400")),
            Map.entry("GET /api/v1/service-centers", Set.of("200", "400")),
            Map.entry("GET /api/v1/service-centers/{id}", Set.of("200", "404")),
            Map.entry("GET /api/v1/ops/outbox/parked", Set.of("200", "400", "401", "403")),
            Map.entry("POST /api/v1/ops/outbox/parked/{id}/retry", Set.of("200", "404")),
            Map.entry("GET /api/v1/ops/dead-letters", Set.of("200", "400", "401", "403")),
            Map.entry("GET /api/v1/ops/dead-letters/{id}", Set.of("200", "404")),
            Map.entry("POST /api/v1/ops/dead-letters/{id}/replay", Set.of("202", "404", "422")),
            Map.entry("POST /api/v1/ops/dead-letters/replay", Set.of("202", "400"))));
  }

  @Test
  void servesSwaggerUi() {
    given().get("/q/swagger-ui/").then().statusCode(200);
  }
}
