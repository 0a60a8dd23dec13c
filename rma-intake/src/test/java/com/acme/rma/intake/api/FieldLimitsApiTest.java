package com.acme.rma.intake.api;

import static com.acme.rma.intake.support.Fixtures.postRma;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.platform.rest.FieldLimits;
import com.acme.rma.testsupport.MutableClock;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kit's one set of field limits at intake's edges: every text field at its maximum is accepted
 * and answered verbatim (unicode included); one character more is a 400 naming the field.
 */
@QuarkusTest
class FieldLimitsApiTest {

  @Inject MutableClock clock;

  @BeforeEach
  void fixTime() {
    clock.set(Fixtures.FRIDAY_MORNING);
  }

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  /** An id of exactly this length, unique per call. */
  static String id(String prefix, int length) {
    String unique = prefix + UUID.randomUUID().toString().replace("-", "");
    return (unique + "0".repeat(length)).substring(0, length);
  }

  /** Unicode text (outside Latin-1, inside the BMP) of exactly this many characters. */
  static String text(int length) {
    return "東京都千代田区丸の内".repeat(length / 10 + 1).substring(0, length);
  }

  /**
   * An e-mail address of this length: a domain of 255 (four labels of 63) and the rest local part,
   * 64 at {@link FieldLimits#EMAIL} (the most an address can have).
   */
  static String email(int length) {
    String domain =
        String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(63));
    return "x".repeat(length - 1 - domain.length()) + "@" + domain;
  }

  static Map<String, Object> entitlement(String partner, int over) {
    Map<String, Object> e = Fixtures.entitlement(partner, "GOLD");
    e.put("customerId", id("C-", FieldLimits.ID + over));
    e.put("productModel", text(FieldLimits.PRODUCT_MODEL + over));
    return e;
  }

  static Map<String, Object> shipTo(int over) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("line1", text(FieldLimits.ADDRESS_LINE + over));
    a.put("line2", text(FieldLimits.ADDRESS_LINE + over));
    a.put("city", text(FieldLimits.CITY + over));
    a.put("region", text(FieldLimits.REGION + over));
    a.put("postalCode", "1".repeat(FieldLimits.POSTAL_CODE + over));
    a.put("country", "JP");
    return a;
  }

  static Map<String, Object> request(String serial, int over) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("serialNumber", serial);
    body.put("component", "FAN");
    body.put("faultDescription", text(FieldLimits.FAULT_DESCRIPTION + over));
    body.put("shipTo", shipTo(over));
    body.put(
        "contact",
        Map.of(
            "name", text(FieldLimits.CONTACT_NAME + over),
            "phone", "9".repeat(FieldLimits.PHONE + over),
            "email", email(FieldLimits.EMAIL + over)));
    return body;
  }

  @Test
  void acceptsEveryFieldAtItsMaximumAndAnswersItVerbatim() {
    String partner = id("P-", FieldLimits.ID);
    String serial = id("S", FieldLimits.ID);
    Map<String, Object> entitlement = entitlement(partner, 0);
    Fixtures.putEntitlement(serial, entitlement)
        .statusCode(201)
        .body("partnerId", equalTo(partner))
        .body("productModel", equalTo(entitlement.get("productModel")));

    Map<String, Object> body = request(serial, 0);
    postRma(partner, Fixtures.key(), body)
        .statusCode(201)
        .body("serialNumber", equalTo(serial))
        .body("faultDescription", equalTo(body.get("faultDescription")))
        .body("shipTo", equalTo(withCoordinates(shipTo(0))))
        .body("contact.email", equalTo(email(FieldLimits.EMAIL)));
  }

  @Test
  void refusesOneCharacterMoreNamingEachField() {
    String partner = Fixtures.partner();
    String serial = Fixtures.appliance(partner, "GOLD");
    postRma(partner, Fixtures.key(), request(serial, 1))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("VALIDATION_FAILED"))
        .body(
            "violations.field",
            hasItems(
                "faultDescription",
                "shipTo.line1",
                "shipTo.line2",
                "shipTo.city",
                "shipTo.region",
                "shipTo.postalCode",
                "contact.name",
                "contact.phone",
                "contact.email"));

    Map<String, Object> tooLong = entitlement(id("P-", FieldLimits.ID + 1), 1);
    Fixtures.putEntitlement(Fixtures.serial("LIM"), tooLong)
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("partnerId", "customerId", "productModel"));

    String serial65 = id("S", FieldLimits.ID + 1);
    Fixtures.putEntitlement(serial65, Fixtures.entitlement(partner, "GOLD"))
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("serialNumber"));
    Map<String, Object> forSerial65 = Fixtures.request(serial65);
    postRma(partner, Fixtures.key(), forSerial65)
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("serialNumber"));
    given()
        .auth()
        .oauth2(TestTokens.ops())
        .queryParam("serialNumber", serial65)
        .get("/api/v1/rmas")
        .then()
        .statusCode(400);
  }

  /** The RMA answers shipTo with both coordinates, null when not given. */
  private static Map<String, Object> withCoordinates(Map<String, Object> address) {
    Map<String, Object> answered = new LinkedHashMap<>(address);
    answered.put("latitude", null);
    answered.put("longitude", null);
    return answered;
  }
}
