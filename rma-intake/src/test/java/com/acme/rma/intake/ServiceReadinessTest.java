package com.acme.rma.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceReadinessTest {

  @Test
  void isReadyOnlyWithItsDatabaseAndTheBrokerUp() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(
            "checks.name",
            hasItems(
                "Database connections health check",
                "SmallRye Reactive Messaging - readiness check"));
  }

  @Test
  void publishesItsOpenApiAndMetrics() {
    given().get("/q/openapi").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }
}
