package com.acme.rma.registry.adapters;

import static com.acme.rma.registry.support.Api.as;
import static com.acme.rma.registry.support.Api.center;
import static com.acme.rma.registry.support.Api.unique;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import com.acme.rma.platform.rest.FieldLimits;
import com.acme.rma.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kit's one set of field limits at the registry's edges: an address every part of which is at
 * its maximum (unicode, as intake accepts it) is registered, locked and answered verbatim; one
 * character more is a 400 naming each field.
 */
@QuarkusTest
class FieldLimitsApiTest {

  static String text(int length) {
    return "東京都千代田区丸の内".repeat(length / 10 + 1).substring(0, length);
  }

  static String id(String prefix, int length) {
    return (unique(prefix) + "0".repeat(length)).substring(0, length);
  }

  static Map<String, Object> address(int over) {
    Map<String, Object> body = new HashMap<>();
    body.put("line1", text(FieldLimits.ADDRESS_LINE + over));
    body.put("line2", text(FieldLimits.ADDRESS_LINE + over));
    body.put("city", text(FieldLimits.CITY + over));
    body.put("region", text(FieldLimits.REGION + over));
    body.put("postalCode", "1".repeat(FieldLimits.POSTAL_CODE + over));
    body.put("country", "JP");
    body.put("latitude", 35.6812);
    body.put("longitude", 139.7671);
    return body;
  }

  @Test
  void registersAndLocksAnAddressWithEveryPartAtItsMaximum() {
    String serial = id("SN", FieldLimits.ID);
    Map<String, Object> address = address(0);
    as(TestTokens.ops())
        .body(address)
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(200)
        .body("address.line1", equalTo(address.get("line1")))
        .body("address.city", equalTo(address.get("city")))
        .body("address.region", equalTo(address.get("region")))
        .body("address.postalCode", equalTo(address.get("postalCode")));
    String rma = id("RMA-2026-", FieldLimits.ID);
    as(TestTokens.service())
        .body(Map.of("rmaNumber", rma))
        .post("/api/v1/sites/" + serial + "/lock")
        .then()
        .statusCode(200)
        .body("rmaNumber", equalTo(rma))
        .body("address.postalCode", equalTo(address.get("postalCode")));
  }

  @Test
  void refusesOneCharacterMoreNamingEachField() {
    as(TestTokens.ops())
        .body(address(1))
        .put("/api/v1/sites/" + unique("SN") + "/address")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("VALIDATION_FAILED"))
        .body(
            "violations.field",
            containsInAnyOrder("line1", "line2", "city", "region", "postalCode"));
    as(TestTokens.ops())
        .body(address(0))
        .put("/api/v1/sites/" + id("SN", FieldLimits.ID + 1) + "/address")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("serialNumber"));
    as(TestTokens.service())
        .body(Map.of("rmaNumber", id("RMA-2026-", FieldLimits.ID + 1)))
        .post("/api/v1/sites/" + unique("SN") + "/lock")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("rmaNumber"));
  }

  @Test
  void namesAServiceCenterWithUpTo200Characters() {
    Map<String, Object> center = center("FO", 62.0, -6.8, "2020-01-01T00:00:00Z");
    center.put("name", text(FieldLimits.SERVICE_CENTER_NAME));
    String id = id("SC", FieldLimits.ID);
    as(TestTokens.ops())
        .body(center)
        .put("/api/v1/service-centers/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo(center.get("name")));
    center.put("name", text(FieldLimits.SERVICE_CENTER_NAME + 1));
    as(TestTokens.ops())
        .body(center)
        .put("/api/v1/service-centers/" + unique("SC"))
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("name"));
    as(TestTokens.ops())
        .body(center("FO", 62.0, -6.8, null))
        .put("/api/v1/service-centers/" + id("SC", FieldLimits.ID + 1))
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("id"));
  }
}
