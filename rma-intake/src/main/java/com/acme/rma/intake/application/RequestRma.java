package com.acme.rma.intake.application;

import com.acme.rma.calendar.sla.ServiceLevel;
import com.acme.rma.calendar.sla.SlaPolicy;
import com.acme.rma.contract.EventTypes;
import com.acme.rma.contract.Topics;
import com.acme.rma.intake.config.IntakeConfig;
import com.acme.rma.intake.domain.Address;
import com.acme.rma.intake.domain.Component;
import com.acme.rma.intake.domain.Contact;
import com.acme.rma.intake.domain.Coverage;
import com.acme.rma.intake.domain.Entitlement;
import com.acme.rma.intake.domain.Issuance;
import com.acme.rma.intake.domain.LevelDecision;
import com.acme.rma.intake.domain.Reservation;
import com.acme.rma.intake.domain.Rma;
import com.acme.rma.intake.domain.RmaNumber;
import com.acme.rma.intake.domain.RmaStatus;
import com.acme.rma.intake.domain.ShipToDecision;
import com.acme.rma.intake.domain.SiteLock;
import com.acme.rma.intake.domain.Sla;
import com.acme.rma.platform.observe.Correlation;
import com.acme.rma.platform.outbox.Outbox;
import com.acme.rma.platform.outbox.OutgoingEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A partner asks for a replacement. Decided in this order: a replay of an idempotency key; the
 * appliance is the partner's; end of life; coverage; one open RMA per appliance; for Gold Plus the
 * registry's lock and eligibility; where to ship. Then the RMA, its idempotency key and (when
 * issued now) its {@code rma.authorized.v1} are stored in one transaction.
 *
 * <p>A Gold Plus request reserves its RMA number under the idempotency key before the registry
 * locks the site for it: a retry with the same key reuses the number (and the lock), a refused
 * request gives the lock back and forgets the reservation, and a request that failed otherwise
 * leaves the reservation for the retry or for {@link ReconcileLockReservations}, which releases its
 * lock.
 */
@ApplicationScoped
public class RequestRma {

  private static final Logger LOG = Logger.getLogger(RequestRma.class);

  /** A partner's request, as received. */
  public record Command(
      String partnerId,
      String idempotencyKey,
      String serialNumber,
      Component component,
      String faultDescription,
      Address shipTo,
      Contact contact) {

    /** The part of the command that makes two requests "the same" for an idempotency key. */
    record Body(
        String serialNumber,
        Component component,
        String faultDescription,
        Address shipTo,
        Contact contact) {}

    Body body() {
      return new Body(serialNumber, component, faultDescription, shipTo, contact);
    }
  }

  /** Every way a request can end. */
  public sealed interface Outcome {
    record Created(Rma rma) implements Outcome {}

    /** The same key and body again: the RMA as first answered. */
    record Replayed(Rma rma) implements Outcome {}

    /** The key was used before with another body. */
    record KeyReused() implements Outcome {}

    /** Unknown appliance, or another partner's (indistinguishable on purpose). */
    record EntitlementNotFound() implements Outcome {}

    record EndOfLife(LocalDate endOfLifeDate) implements Outcome {}

    /** Past end of life with an active extended-support contract, but not what it requires. */
    record ExtendedSupportPrerequisitesMissing(
        LocalDate endOfLifeDate, List<Coverage.Prerequisite> missing) implements Outcome {}

    record NoActiveCoverage() implements Outcome {}

    /** One open RMA per appliance: this one. */
    record AlreadyOpen(String rmaNumber) implements Outcome {}

    record ShipToRequired() implements Outcome {}

    /** A Gold Plus appliance's registered address cannot be changed at request time. */
    record AddressChangeNotAccepted(Address registered) implements Outcome {}

    record RegistryUnavailable(int retryAfterSeconds) implements Outcome {}

    /**
     * The registry has not yet recorded that the appliance moved to this partner (intake's
     * entitlement says it did): retry soon, nothing stored, never a silent downgrade.
     */
    record RegistryBehindOnOwnership(int retryAfterSeconds) implements Outcome {}
  }

  private final EntitlementStore entitlements;
  private final RmaStore rmas;
  private final IdempotencyStore keys;
  private final ReservationStore reservations;
  private final SiteRegistry registry;
  private final Outbox outbox;
  private final Clock clock;
  private final ObjectMapper mapper;
  private final MeterRegistry metrics;
  private final SlaPolicy slaPolicy;
  private final Set<Component> excludedComponents;
  private final int retryAfterSeconds;

  public RequestRma(
      EntitlementStore entitlements,
      RmaStore rmas,
      IdempotencyStore keys,
      ReservationStore reservations,
      SiteRegistry registry,
      Outbox outbox,
      Clock clock,
      ObjectMapper mapper,
      MeterRegistry metrics,
      SlaPolicy slaPolicy,
      IntakeConfig config) {
    this.entitlements = entitlements;
    this.rmas = rmas;
    this.keys = keys;
    this.reservations = reservations;
    this.registry = registry;
    this.outbox = outbox;
    this.clock = clock;
    this.mapper = mapper;
    this.metrics = metrics;
    this.slaPolicy = slaPolicy;
    this.excludedComponents = Set.copyOf(config.goldPlus().excludedComponents());
    this.retryAfterSeconds = config.registry().retryAfterSeconds();
  }

  public Outcome request(Command command) {
    Correlation.serial(command.serialNumber());
    Outcome outcome = decide(command);
    if (outcome instanceof Outcome.Created created) {
      Correlation.rma(created.rma().rmaNumber());
    }
    RequestMetrics.record(metrics, outcome);
    return outcome;
  }

  private Outcome decide(Command command) {
    String hash = fingerprint(command);
    Optional<Outcome> replay = replay(command, hash);
    if (replay.isPresent()) {
      return replay.get();
    }
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    LocalDate today = LocalDate.ofInstant(now, RmaNumber.TOKYO);

    Optional<Entitlement> entitlement =
        entitlements
            .find(command.serialNumber())
            .map(EntitlementStore.Stored::entitlement)
            .filter(e -> e.partnerId().equals(command.partnerId()));
    if (entitlement.isEmpty()) {
      return new Outcome.EntitlementNotFound();
    }
    Coverage coverage = Coverage.decide(entitlement.get(), today);
    if (coverage instanceof Coverage.EndOfLife eol) {
      return new Outcome.EndOfLife(eol.endOfLifeDate());
    }
    if (coverage instanceof Coverage.ExtendedSupportPrerequisitesMissing missing) {
      return new Outcome.ExtendedSupportPrerequisitesMissing(
          missing.endOfLifeDate(), missing.missing());
    }
    if (!(coverage instanceof Coverage.Covered covered)) {
      return new Outcome.NoActiveCoverage();
    }
    Optional<Rma> open = rmas.findOpen(command.serialNumber());
    if (open.isPresent()) {
      return new Outcome.AlreadyOpen(open.get().rmaNumber());
    }
    ServiceLevel requested = covered.level();
    if (requested == ServiceLevel.GOLD_PLUS) {
      return requestGoldPlus(command, hash, now);
    }
    ShipToDecision shipTo = ShipToDecision.decide(null, command.shipTo());
    if (!(shipTo instanceof ShipToDecision.ShipTo to)) {
      return new Outcome.ShipToRequired();
    }
    String rmaNumber = RmaNumber.of(now, rmas.nextSequence());
    return store(
        command,
        hash,
        rmaNumber,
        now,
        requested,
        LevelDecision.asRequested(requested),
        to.address(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * Gold Plus: the RMA number is reserved under the idempotency key (committed) before the registry
   * is asked to lock the site for it, so that a lock the registry applies after this request gave
   * up belongs to a number a retry with the same key reuses (the lock call is idempotent per
   * number), and one no retry claims is released by {@link ReconcileLockReservations}.
   */
  private Outcome requestGoldPlus(Command command, String hash, Instant now) {
    Reservation reservation = reserve(command, hash, now);
    if (!reservation.isFor(hash)) {
      return new Outcome.KeyReused(); // the key is in use by a request with another body
    }
    if (reservation.status() == Reservation.Status.COMMITTED) {
      return replay(command, hash)
          .orElseThrow(() -> new IllegalStateException(reservation.rmaNumber() + " has no key"));
    }
    String rmaNumber = reservation.rmaNumber();
    SiteRegistry.LockOutcome locked;
    try {
      locked = lock(command, rmaNumber);
    } catch (SiteRegistry.UnavailableException e) {
      // the lock may still have been applied: it is for the reserved number, which a retry with
      // the same key reuses; without a retry the reconciler releases it after the grace period
      LOG.warnf(
          "address-registry unavailable for %s (%s stays reserved for a retry): %s",
          command.serialNumber(), rmaNumber, e.getMessage());
      return new Outcome.RegistryUnavailable(retryAfterSeconds);
    }
    if (locked instanceof SiteRegistry.LockOutcome.OwnerNotRecorded) {
      // intake's entitlement names this partner; the registry's copy of the owner lags behind it.
      // Not "no site": the number stays reserved for the retry with the same key (no lock taken).
      LOG.warnf(
          "address-registry does not yet record %s as the owner of %s; %s stays reserved",
          command.partnerId(), command.serialNumber(), rmaNumber);
      return new Outcome.RegistryBehindOnOwnership(retryAfterSeconds);
    }
    if (locked instanceof SiteRegistry.LockOutcome.HeldBy held) {
      forget(rmaNumber); // no lock was taken for it: the key is not used up
      return replay(command, hash).orElseGet(() -> new Outcome.AlreadyOpen(held.rmaNumber()));
    }
    Optional<SiteLock> lock =
        locked instanceof SiteRegistry.LockOutcome.Locked l
            ? Optional.of(l.lock())
            : Optional.empty();
    LevelDecision level = LevelDecision.goldPlus(lock, command.component(), excludedComponents);
    ShipToDecision shipTo =
        ShipToDecision.decide(lock.map(SiteLock::address).orElse(null), command.shipTo());
    if (shipTo instanceof ShipToDecision.Required) {
      giveBack(command, rmaNumber, lock);
      return new Outcome.ShipToRequired();
    }
    if (shipTo instanceof ShipToDecision.ChangeNotAccepted refused) {
      giveBack(command, rmaNumber, lock);
      return new Outcome.AddressChangeNotAccepted(refused.registered());
    }
    Address address = ((ShipToDecision.ShipTo) shipTo).address();
    return store(
        command,
        hash,
        rmaNumber,
        now,
        ServiceLevel.GOLD_PLUS,
        level,
        address,
        lock,
        Optional.of(reservation));
  }

  /**
   * The key's live reservation, made by an earlier attempt, or a new one with a new number —
   * committed before the registry is asked, so that it outlives this request whatever happens.
   */
  private Reservation reserve(Command command, String hash, Instant now) {
    Optional<Reservation> live =
        reservations.findLive(command.partnerId(), command.idempotencyKey());
    if (live.isPresent()) {
      return live.get();
    }
    Reservation fresh =
        Reservation.reserve(
            RmaNumber.of(now, rmas.nextSequence()),
            command.partnerId(),
            command.idempotencyKey(),
            hash,
            command.serialNumber(),
            now);
    if (QuarkusTransaction.requiringNew().call(() -> reservations.insert(fresh))) {
      return fresh;
    }
    // a concurrent attempt with the same key reserved first: share its number
    return reservations
        .findLive(command.partnerId(), command.idempotencyKey())
        .orElseThrow(() -> new IllegalStateException("a concurrent reservation vanished"));
  }

  /**
   * Locks the site; a lock still held by an RMA that is already closed or cancelled here (the
   * registry has not yet consumed that event), or by a number whose reservation was abandoned (its
   * {@code rma.reservation.abandoned.v1} is not consumed yet), is released first, then the lock is
   * asked again.
   */
  private SiteRegistry.LockOutcome lock(Command command, String rmaNumber) {
    SiteRegistry.LockOutcome outcome =
        registry.lock(command.serialNumber(), rmaNumber, command.partnerId());
    if (outcome instanceof SiteRegistry.LockOutcome.HeldBy held && isStale(held.rmaNumber())) {
      LOG.infof("releasing the stale lock of %s on %s", held.rmaNumber(), command.serialNumber());
      registry.release(command.serialNumber(), held.rmaNumber());
      outcome = registry.lock(command.serialNumber(), rmaNumber, command.partnerId());
    }
    return outcome;
  }

  private boolean isStale(String rmaNumber) {
    Optional<Rma> rma = rmas.find(rmaNumber);
    if (rma.isPresent()) {
      return !rma.get().status().isOpen();
    }
    return reservations
        .find(rmaNumber)
        .map(r -> r.status() == Reservation.Status.ABANDONED)
        .orElse(false);
  }

  private Outcome store(
      Command command,
      String hash,
      String rmaNumber,
      Instant now,
      ServiceLevel requested,
      LevelDecision level,
      Address shipTo,
      Optional<SiteLock> lock,
      Optional<Reservation> reservation) {
    Issuance issuance = Issuance.decide(level.serviceLevel(), now, slaPolicy.supportHours());
    Sla sla = Sla.of(slaPolicy.termsFor(level.serviceLevel(), issuance.clockStart()));
    Rma rma =
        Rma.accept(
            rmaNumber,
            new Rma.Request(
                command.serialNumber(),
                command.partnerId(),
                command.component(),
                command.faultDescription(),
                command.contact()),
            now,
            requested,
            level,
            issuance,
            sla,
            shipTo,
            lock.map(SiteLock::version).orElse(null));
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                Optional<Reservation> held =
                    reservation.isPresent() ? claimReservation(rmaNumber) : Optional.empty();
                rmas.insert(rma);
                keys.save(command.partnerId(), command.idempotencyKey(), hash, rma, now);
                held.ifPresent(r -> reservations.update(r.commit(now)));
                if (rma.status() == RmaStatus.AUTHORIZED) {
                  outbox.add(
                      new OutgoingEvent(
                          Topics.LIFECYCLE,
                          rma.rmaNumber(),
                          EventTypes.RMA_AUTHORIZED,
                          Events.RmaAuthorized.of(rma)));
                }
              });
    } catch (ReservationSettledException e) {
      if (e.status == Reservation.Status.COMMITTED) {
        return replay(command, hash).orElseThrow(() -> e); // a concurrent retry stored it
      }
      // the reconciler gave it up meanwhile (this request outlived the grace period): nothing may
      // be stored under it, and its lock goes too — also one this request applied after the
      // registry consumed the abandonment; a retry starts over with a new number
      LOG.warnf("%s was given up while its request was still running; answering 503", rmaNumber);
      lock.ifPresent(l -> release(command, rmaNumber));
      return new Outcome.RegistryUnavailable(retryAfterSeconds);
    } catch (RmaStore.OpenRmaExistsException e) {
      giveBack(command, rmaNumber, lock);
      return replay(command, hash)
          .orElseGet(
              () ->
                  new Outcome.AlreadyOpen(
                      rmas.findOpen(command.serialNumber()).map(Rma::rmaNumber).orElse(null)));
    } catch (IdempotencyStore.KeyTakenException e) {
      Outcome replayed = replay(command, hash).orElseThrow(() -> e);
      if (!(replayed instanceof Outcome.Replayed r && r.rma().rmaNumber().equals(rmaNumber))) {
        giveBack(command, rmaNumber, lock); // never the lock of the RMA that was stored
      }
      return replayed;
    }
    // any other failure (the database went away, a crash): the lock stays with the reserved
    // number, which a retry with the same key reuses or the reconciler releases
    return new Outcome.Created(rma);
  }

  /** Locks the reservation for the RMA's transaction; it must still be pending. */
  private Optional<Reservation> claimReservation(String rmaNumber) {
    Reservation current =
        reservations
            .findForUpdate(rmaNumber)
            .orElseThrow(() -> new ReservationSettledException(Reservation.Status.ABANDONED));
    if (current.status() != Reservation.Status.PENDING) {
      throw new ReservationSettledException(current.status());
    }
    return Optional.of(current);
  }

  /** The reservation was committed or abandoned by someone else before this request stored it. */
  private static final class ReservationSettledException extends RuntimeException {
    private final Reservation.Status status;

    ReservationSettledException(Reservation.Status status) {
      super("the reservation is already " + status);
      this.status = status;
    }
  }

  /**
   * Compensation for a refused request: gives back the lock it took and forgets its reservation, so
   * that the key is not used up. When the release fails, the reservation stays and the reconciler
   * releases the lock after the grace period.
   */
  private void giveBack(Command command, String rmaNumber, Optional<SiteLock> lock) {
    if (lock.isEmpty() || release(command, rmaNumber)) {
      forget(rmaNumber);
    }
  }

  private void forget(String rmaNumber) {
    QuarkusTransaction.requiringNew().run(() -> reservations.deletePending(rmaNumber));
  }

  private boolean release(Command command, String rmaNumber) {
    try {
      registry.release(command.serialNumber(), rmaNumber);
      return true;
    } catch (RuntimeException e) {
      LOG.warnf(
          "could not release the lock %s may hold on %s (%s): the reconciler releases it",
          rmaNumber, command.serialNumber(), e.getMessage());
      return false;
    }
  }

  private Optional<Outcome> replay(Command command, String hash) {
    return keys.find(command.partnerId(), command.idempotencyKey())
        .map(
            used ->
                used.requestHash().equals(hash)
                    ? new Outcome.Replayed(used.firstAnswer())
                    : new Outcome.KeyReused());
  }

  /** SHA-256 of the request's canonical JSON: formatting and member order do not matter. */
  private String fingerprint(Command command) {
    try {
      byte[] json = mapper.writeValueAsString(command.body()).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint the request", e);
    }
  }
}
