package com.acme.rma.registry.adapters;

import static com.acme.rma.registry.support.Api.address;
import static com.acme.rma.registry.support.Api.as;
import static com.acme.rma.registry.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.contract.ContractSchemas;
import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Goldens;
import com.acme.rma.registry.application.SiteChangedV1;
import com.acme.rma.registry.domain.Address;
import com.acme.rma.registry.domain.GoldPlus;
import com.acme.rma.registry.domain.GoldPlusRule;
import com.acme.rma.registry.domain.Position;
import com.acme.rma.registry.domain.ServiceCenter;
import com.acme.rma.registry.domain.Site;
import com.acme.rma.registry.support.Api;
import com.acme.rma.registry.support.SiteEventLog;
import com.acme.rma.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The registry's side of the contract: what it publishes is its golden example, field for field,
 * and valid against the contract's schema.
 */
@QuarkusTest
class SiteChangedGoldenTest {

  @Inject ObjectMapper mapper;
  @Inject SiteEventLog events;

  @Test
  void theSerializedEventEqualsTheGoldenExample() throws Exception {
    Instant at = Instant.parse("2026-05-01T00:30:00Z");
    Address marunouchi =
        new Address(
            "1-1 Marunouchi",
            "Floor 12",
            "Chiyoda-ku",
            "Tokyo",
            "100-0005",
            "JP",
            35.6812,
            139.7671);
    ServiceCenter tokyo =
        new ServiceCenter(
            "SC-TYO-1",
            "Tokyo service center",
            "JP",
            new Position(35.6812 + Api.degreesNorth(12.4), 139.7671),
            Instant.parse("2020-04-01T00:00:00Z"));
    GoldPlus decision = GoldPlusRule.decide(marunouchi, List.of(tokyo), at);
    Site site = new Site("NSX-GP-0001", marunouchi, 3, at, null);

    JsonNode actual =
        mapper.readTree(mapper.writeValueAsString(SiteChangedV1.of(site, "P-1001", decision)));

    assertEquals(Goldens.node(EventTypes.SITE_CHANGED), actual);
  }

  @Test
  void theGoldenExampleIsValidAgainstTheContract() {
    assertEquals(
        List.of(),
        ContractSchemas.validate(EventTypes.SITE_CHANGED, Goldens.json(EventTypes.SITE_CHANGED)));
  }

  @Test
  void whatTheOutboxHoldsHasTheGoldenExamplesFieldsAndNoOthers() throws Exception {
    String serial = unique("SN");
    as(TestTokens.ops())
        .body(address("Calle 1", "UY", -34.9011, -56.1645))
        .put("/api/v1/sites/" + serial + "/address")
        .then()
        .statusCode(200);
    as(TestTokens.service())
        .body(Map.of("rmaNumber", unique("RMA-2026")))
        .post("/api/v1/sites/" + serial + "/lock")
        .then()
        .statusCode(200);
    JsonNode golden = Goldens.node(EventTypes.SITE_CHANGED);

    List<JsonNode> published = events.siteChanges(serial);

    assertEquals(2, published.size());
    for (JsonNode change : published) {
      assertEquals(
          List.of(),
          ContractSchemas.validate(EventTypes.SITE_CHANGED, change.toString()),
          "schema");
    }
    assertEquals(fields(golden, ""), fields(published.get(0), ""));
    TreeSet<String> locked = fields(published.get(1), "");
    assertTrue(locked.removeAll(List.of("lock.rmaNumber", "lock.lockedAt")));
    locked.add("lock"); // null in the example, an object while locked
    assertEquals(fields(golden, ""), locked);
  }

  /** Every field path of a JSON object, nested ones dotted ("goldPlus.eligible"). */
  private static TreeSet<String> fields(JsonNode node, String prefix) {
    TreeSet<String> paths = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String path = prefix + field.getKey();
      if (field.getValue().isObject()) {
        paths.addAll(fields(field.getValue(), path + "."));
      } else {
        paths.add(path);
      }
    }
    return paths;
  }
}
