package com.acme.rma.dispatch;

import com.acme.rma.contract.Goldens;
import com.acme.rma.dispatch.domain.Address;
import com.acme.rma.dispatch.domain.ServiceLevel;
import com.acme.rma.dispatch.domain.ShipmentOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Test data shared by the Quarkus tests: every test works on its own RMA numbers, because all test
 * classes share one app, one database and one broker.
 */
public final class TestData {

  public static final ObjectMapper JSON = new ObjectMapper();

  public static final Address TOKYO =
      new Address(
          "1-1 Marunouchi", "Floor 12", "Chiyoda-ku", "Tokyo", "100-0005", "JP", 35.6812, 139.7671);
  public static final Address SHANGHAI =
      new Address("100 Century Ave", null, "Shanghai", null, "200120", "CN", 31.2397, 121.4998);

  private TestData() {}

  public static String newRmaNumber() {
    return "RMA-T-" + UUID.randomUUID().toString().substring(0, 13);
  }

  public static ShipmentOrder order(String rmaNumber, ServiceLevel level, Address shipTo) {
    return order(rmaNumber, "P-1001", level, shipTo);
  }

  public static ShipmentOrder order(
      String rmaNumber, String partnerId, ServiceLevel level, Address shipTo) {
    return new ShipmentOrder(
        rmaNumber,
        partnerId,
        "SN-" + rmaNumber,
        level,
        shipTo,
        level == ServiceLevel.GOLD_PLUS ? "SC-TYO-1" : null,
        Instant.parse("2026-05-01T01:00:00Z"));
  }

  /** The contract's golden example of this event type (any producer's, this service's too). */
  public static ObjectNode golden(String ceType) {
    return Goldens.node(ceType);
  }

  /** An outbox row as it will reach Kafka. */
  public record OutboxRow(String type, JsonNode payload) {}

  /** Every event this service has put in its outbox for one RMA, in order. */
  public static List<OutboxRow> outbox(EntityManager em, String rmaNumber) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  em.createNativeQuery(
                          "select type, payload from outbox_event where record_key = :key"
                              + " order by seq")
                      .setParameter("key", rmaNumber)
                      .getResultList();
              return rows.stream()
                  .map(r -> new OutboxRow((String) r[0], parse((String) r[1])))
                  .toList();
            });
  }

  /** How many of this RMA's outbox rows the relay has not yet sent. */
  public static long unpublished(EntityManager em, String rmaNumber) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from outbox_event"
                                    + " where record_key = :key and published_at is null")
                            .setParameter("key", rmaNumber)
                            .getSingleResult())
                    .longValue());
  }

  /** Whether the consumer has committed the effect of this CloudEvent. */
  public static boolean processed(EntityManager em, String source, String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                            em.createNativeQuery(
                                    "select count(*) from processed_event"
                                        + " where source = :source and id = :id")
                                .setParameter("source", source)
                                .setParameter("id", id)
                                .getSingleResult())
                        .longValue()
                    == 1);
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
