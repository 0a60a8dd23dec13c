package com.acme.rma.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event waiting in (or already relayed from, or parked in) the outbox table. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

  /** The CloudEvent id: assigned before the insert, so a transaction's rows go in one batch. */
  @Id
  @Column(nullable = false, unique = true)
  public UUID id;

  /**
   * The sending order: numbered by the database as rows are inserted ({@code bigserial}), never by
   * Hibernate, which would otherwise have to insert each row alone to learn its number.
   */
  @Column(insertable = false, updatable = false)
  public Long seq;

  @Column(nullable = false)
  public String topic;

  @Column(name = "record_key", nullable = false)
  public String key;

  @Column(nullable = false)
  public String type;

  @Column(nullable = false)
  public String source;

  @Column(nullable = false, columnDefinition = "text")
  public String payload;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(name = "published_at")
  public Instant publishedAt;

  /** Sends that failed because of this row (not those of a broker outage, see SendVerdicts). */
  @Column(nullable = false)
  public int attempts;

  @Column(name = "last_error", length = 1000)
  public String lastError;

  /** W3C trace context of the transaction that wrote the row, sent as a Kafka header. */
  @Column(length = 55)
  public String traceparent;

  /** Set once the row failed {@code rma.outbox.max-attempts} times: the relay skips it. */
  @Column(name = "parked_at")
  public Instant parkedAt;
}
