package com.acme.rma.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceReadinessTest {

  @Test
  void isReadyWithItsDatabaseAndFlowingConsumersWhateverTheBrokersState() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("Database connections health check", "event-consumers"))
        // the broker's channels are not readiness conditions: RMAs wait in the outbox
        .body(
            "checks.find { it.name.startsWith('SmallRye Reactive Messaging') }?.data", nullValue());
  }

  @Test
  void publishesItsOpenApiAndMetrics() {
    given().get("/q/openapi").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }
}
