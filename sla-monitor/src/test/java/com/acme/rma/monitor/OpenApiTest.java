package com.acme.rma.monitor;

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
            Map.entry("GET /api/v1/slas", Set.of("200", "400")),
            Map.entry("GET /api/v1/slas/{rmaNumber}", Set.of("200", "404")),
            Map.entry("GET /api/v1/slas/summary", Set.of("200")),
            Map.entry("GET /api/v1/alerts/stream", Set.of("200", "401", "403")),
            Map.entry("GET /api/v1/calendars/{id}/holidays", Set.of("200", "400", "404")),
            Map.entry("GET /api/v1/calendars/{id}/deadline", Set.of("200", "400", "404")),
            Map.entry("GET /api/v1/ops/outbox/parked", Set.of("200", "400", "401", "403")),
            Map.entry("POST /api/v1/ops/outbox/parked/{id}/retry", Set.of("200", "404")),
            Map.entry("GET /api/v1/ops/dead-letters", Set.of("200", "400", "401", "403")),
            Map.entry("GET /api/v1/ops/dead-letters/{id}", Set.of("200", "404")),
            Map.entry("POST /api/v1/ops/dead-letters/{id}/replay", Set.of("202", "404", "422")),
            Map.entry("POST /api/v1/ops/dead-letters/replay", Set.of("202", "400")),
            Map.entry("GET /api/v1/calendars/{id}/closures", Set.of("200", "404")),
            Map.entry("PUT /api/v1/calendars/{id}/closures/{date}", Set.of("200", "404", "422")),
            Map.entry("DELETE /api/v1/calendars/{id}/closures/{date}", Set.of("200", "404", "422")),
            Map.entry("POST /api/v1/calendars/{id}/closures", Set.of("200", "404", "422")),
            Map.entry("DELETE /api/v1/calendars/{id}/closures", Set.of("200", "404", "422")),
            Map.entry("GET /api/v1/calendars/{id}/changes", Set.of("200")),
            Map.entry("POST /api/v1/slas/repair", Set.of("200")),
            Map.entry("GET /api/v1/slas/repair", Set.of("200")),
            Map.entry("GET /api/v1/reports/sla", Set.of("200")),
            Map.entry("GET /api/v1/reports/sla/daily", Set.of("200")),
            Map.entry("GET /api/v1/dashboard/config", Set.of("200"))));
  }

  @Test
  void servesSwaggerUi() {
    given().get("/q/swagger-ui/").then().statusCode(200);
  }
}
