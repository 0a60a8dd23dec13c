package com.acme.rma.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadAndListRmasTest {

  @Inject MutableClock clock;

  private String partner;

  @BeforeEach
  void fixTime() {
    clock.set(Fixtures.FRIDAY_MORNING);
    partner = Fixtures.partner();
  }

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token);
  }

  @Test
  void theOwnerOpsAndLogisticsReadAnRma() {
    String number = Fixtures.rma(partner, Fixtures.request(Fixtures.appliance(partner, "GOLD")));
    for (String token :
        new String[] {TestTokens.partner(partner), TestTokens.ops(), TestTokens.logistics()}) {
      Fixtures.get(token, number).statusCode(200).body("rmaNumber", equalTo(number));
    }
  }

  @Test
  void anotherPartnerGets404ExactlyLikeForAnUnknownRma() {
    String number = Fixtures.rma(partner, Fixtures.request(Fixtures.appliance(partner, "GOLD")));
    String stranger = TestTokens.partner(Fixtures.partner());
    Fixtures.get(stranger, number)
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("RMA_NOT_FOUND"));
    Fixtures.get(stranger, "RMA-1999-000001")
        .statusCode(404)
        .body("code", equalTo("RMA_NOT_FOUND"));
    Fixtures.get(TestTokens.ops(), "not-an-rma-number")
        .statusCode(404)
        .body("code", equalTo("RMA_NOT_FOUND"));
    Fixtures.get(TestTokens.customer(), number)
        .statusCode(403)
        .body("code", equalTo("CONTACT_YOUR_RESELLER"));
  }

  @Test
  void listsOnlyThePartnersOwnRmasNewestFirst() {
    String first = Fixtures.rma(partner, Fixtures.request(Fixtures.appliance(partner, "GOLD")));
    clock.advance(Duration.ofMinutes(1));
    String second = Fixtures.rma(partner, Fixtures.request(Fixtures.appliance(partner, "GOLD")));
    clock.advance(Duration.ofMinutes(1));
    String third = Fixtures.rma(partner, Fixtures.request(Fixtures.appliance(partner, "GOLD")));
    String other = Fixtures.partner();
    Fixtures.rma(other, Fixtures.request(Fixtures.appliance(other, "GOLD")));

    as(TestTokens.partner(partner))
        .get("/api/v1/rmas")
        .then()
        .statusCode(200)
        .body("items.rmaNumber", contains(third, second, first))
        .body("total", equalTo(3))
        .body("page", equalTo(0))
        .body("size", equalTo(50));
    as(TestTokens.partner(partner))
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get("/api/v1/rmas")
        .then()
        .statusCode(200)
        .body("items.rmaNumber", contains(first))
        .body("total", equalTo(3));
    as(TestTokens.partner(partner))
        .queryParam("page", 1000000)
        .get("/api/v1/rmas")
        .then()
        .statusCode(200)
        .body("items", empty())
        .body("total", equalTo(3));
  }

  @Test
  void opsListAllPartnersRmasAndFilterByStatusAndSerialNumber() {
    String serial = Fixtures.appliance(partner, "GOLD");
    String number = Fixtures.rma(partner, Fixtures.request(serial));
    as(TestTokens.ops())
        .queryParam("serialNumber", serial)
        .get("/api/v1/rmas")
        .then()
        .statusCode(200)
        .body("items.rmaNumber", contains(number));
    as(TestTokens.ops())
        .queryParam("serialNumber", serial)
        .queryParam("status", "CANCELLED")
        .get("/api/v1/rmas")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
    Fixtures.cancel(TestTokens.ops(), number).statusCode(200);
    as(TestTokens.ops())
        .queryParam("status", "CANCELLED")
        .queryParam("size", 200)
        .get("/api/v1/rmas")
        .then()
        .statusCode(200)
        .body("items.rmaNumber", hasItem(number))
        .body("items.status", everyItem(equalTo("CANCELLED")));
    as(TestTokens.partner(partner))
        .queryParam("status", "AUTHORIZED")
        .get("/api/v1/rmas")
        .then()
        .statusCode(200)
        .body("items.rmaNumber", not(hasItem(number)));
  }

  @Test
  void refusesBadPageSizeStatusAndSerialNumberWith400() {
    String[][] bad = {
      {"size", "201"},
      {"size", "0"},
      {"page", "-1"},
      {"page", "abc"},
      {"page", "2147483647"},
      {"page", "99999999999"},
      {"status", "LOST"},
      {"serialNumber", "not a serial"}
    };
    for (String[] param : bad) {
      as(TestTokens.ops())
          .queryParam(param[0], param[1])
          .get("/api/v1/rmas")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("code", equalTo("VALIDATION_FAILED"))
          .body("violations.field", hasItem(param[0]));
    }
    as(TestTokens.ops()).queryParam("size", 200).get("/api/v1/rmas").then().statusCode(200);
  }

  @Test
  void logisticsAndCustomersMayNotList() {
    as(TestTokens.logistics()).get("/api/v1/rmas").then().statusCode(403);
    as(TestTokens.customer())
        .get("/api/v1/rmas")
        .then()
        .statusCode(403)
        .body("code", equalTo("CONTACT_YOUR_RESELLER"));
    given().get("/api/v1/rmas").then().statusCode(401);
  }
}
