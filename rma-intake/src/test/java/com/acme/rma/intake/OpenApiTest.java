package com.acme.rma.intake;

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
                "POST /api/v1/rmas",
                Set.of("201", "400", "401", "403", "404", "409", "413", "422", "429", "503")),
            Map.entry("GET /api/v1/rmas", Set.of("200", "400", "401", "403")),
            Map.entry("GET /api/v1/rmas/{rmaNumber}", Set.of("200", "404")),
            Map.entry("POST /api/v1/rmas/{rmaNumber}/cancel", Set.of("200", "404", "409")),
            Map.entry(
                "PUT /api/v1/entitlements/{serialNumber}", Set.of("200", "201", "400", "413")),
            Map.entry("GET /api/v1/entitlements/{serialNumber}", Set.of("200", "404")),
            Map.entry("GET /api/v1/ops/outbox/parked", Set.of("200", "400", "401", "403")),
            Map.entry("POST /api/v1/ops/outbox/parked/{id}/retry", Set.of("200", "404")),
            Map.entry("GET /api/v1/ops/dead-letters", Set.of("200", "400", "401", "403")),
            Map.entry("GET /api/v1/ops/dead-letters/{id}", Set.of("200", "404")),
            Map.entry("POST /api/v1/ops/dead-letters/{id}/replay", Set.of("202", "404", "422")),
            Map.entry("POST /api/v1/ops/dead-letters/replay", Set.of("202", "400")),
            Map.entry("GET /api/v1/rmas/{rmaNumber}/timeline", Set.of("200", "403", "404")),
            Map.entry("POST /api/v1/timeline/rebuild", Set.of("202", "403", "409")),
            Map.entry("GET /api/v1/timeline/rebuild", Set.of("200", "403", "404")),
            Map.entry("POST /api/v1/webhooks", Set.of("201", "400", "422")),
            Map.entry("GET /api/v1/webhooks", Set.of("200", "400")),
            Map.entry("GET /api/v1/webhooks/{id}", Set.of("200", "404")),
            Map.entry("DELETE /api/v1/webhooks/{id}", Set.of("204", "404")),
            Map.entry("GET /api/v1/webhooks/{id}/deliveries", Set.of("200", "404")),
            Map.entry("POST /api/v1/webhooks/{id}/test", Set.of("202", "404")),
            Map.entry("POST /api/v1/webhooks/{id}/resume", Set.of("200", "404"))));
  }

  @Test
  void servesSwaggerUi() {
    given().get("/q/swagger-ui/").then().statusCode(200);
  }
}
