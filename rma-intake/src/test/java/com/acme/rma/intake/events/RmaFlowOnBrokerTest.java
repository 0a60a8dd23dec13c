package com.acme.rma.intake.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.contract.ContractSchemas;
import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Goldens;
import com.acme.rma.intake.support.Fixtures;
import com.acme.rma.intake.support.RegistryStub;
import com.acme.rma.intake.support.RegistryStubClient;
import com.acme.rma.testsupport.KafkaTestClient;
import com.acme.rma.testsupport.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** From the partner's POST to the {@code rma.authorized.v1} record on the real broker. */
@QuarkusTest
class RmaFlowOnBrokerTest {

  @Inject MutableClock clock;
  @Inject ObjectMapper mapper;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = RegistryStub.URL_PROPERTY)
  String registryUrl;

  @AfterEach
  void resetClock() {
    clock.useSystemTime();
  }

  @Test
  void followsAGoldPlusRmaFromPostToItsAuthorizedEventOnTheBroker() throws Exception {
    clock.set(Fixtures.FRIDAY_MORNING);
    String partner = Fixtures.partner();
    String serial = Fixtures.appliance(partner, "GOLD_PLUS");
    new RegistryStubClient(registryUrl).register(serial, RegistryStubClient.eligibleSite());
    String number = Fixtures.rma(partner, Fixtures.request(serial, "POWER_SUPPLY", null));

    List<ConsumerRecord<String, String>> records =
        new KafkaTestClient(bootstrap)
            .readUntil(
                "rma.lifecycle",
                seen -> seen.stream().anyMatch(r -> number.equals(r.key())),
                Duration.ofSeconds(20));
    List<ConsumerRecord<String, String>> mine =
        records.stream().filter(r -> number.equals(r.key())).toList();
    assertEquals(1, mine.size());
    ConsumerRecord<String, String> record = mine.get(0);
    assertEquals("1.0", KafkaTestClient.header(record, "ce_specversion"));
    assertEquals("rma.authorized.v1", KafkaTestClient.header(record, "ce_type"));
    assertEquals("/rma-intake", KafkaTestClient.header(record, "ce_source"));
    assertEquals("application/json", KafkaTestClient.header(record, "content-type"));
    assertEquals("2026-05-01T01:00:00Z", KafkaTestClient.header(record, "ce_time"));
    assertTrue(KafkaTestClient.header(record, "ce_id").length() >= 32);

    JsonNode payload = mapper.readTree(record.value());
    JsonNode golden = Goldens.node(EventTypes.RMA_AUTHORIZED);
    assertEquals(List.of(), ContractSchemas.validate(EventTypes.RMA_AUTHORIZED, record.value()));
    assertEquals(names(golden), names(payload));
    assertEquals(number, payload.get("rmaNumber").asText());
    assertEquals(serial, payload.get("serialNumber").asText());
    assertEquals(partner, payload.get("partnerId").asText());
    assertEquals("GOLD_PLUS", payload.get("serviceLevel").asText());
    assertEquals("SC-TYO-1", payload.get("serviceCenterId").asText());
    assertEquals(3, payload.get("addressVersion").asInt());
    assertEquals(golden.get("shipTo"), payload.get("shipTo"));
    assertEquals(golden.get("sla"), payload.get("sla"));
    assertEquals(golden.get("authorizedAt"), payload.get("authorizedAt"));
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
