package com.acme.rma.platform.deadletter;

import com.acme.rma.platform.problem.ProblemException;
import com.acme.rma.platform.rest.Page;
import com.acme.rma.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * The service's dead letters for ops: list, show one, replay one or all. Served by every service
 * that includes the kit, for its own dead-letter topic ({@code rma.dead-letters.topic}).
 */
@Path("/api/v1/ops/dead-letters")
@RolesAllowed(Caller.OPS)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

  /** The most dead letters one {@code replay?all=true} puts back. */
  public static final int MAX_REPLAY_ALL = 200;

  /** The most dead letters one {@code replay?all=true} reads to find them. */
  static final int MAX_REPLAY_ALL_SCAN = 10_000;

  private static final Pattern ID = Pattern.compile("(\\d{1,9})-(\\d{1,18})");

  private final DeadLetterTopic topic;
  private final DeadLetterReplays replays;
  private final JsonWebToken token;

  public DeadLetterResource(DeadLetterTopic topic, DeadLetterReplays replays, JsonWebToken token) {
    this.topic = topic;
    this.replays = replays;
    this.token = token;
  }

  /** Ordered by partition, then offset: oldest first within a partition. */
  @GET
  public Page<DeadLetter> list(@QueryParam("page") String page, @QueryParam("size") String size) {
    Page.Request request = Page.Request.parse(page, size);
    DeadLetterTopic.Slice slice = topic.page(request.offset(), request.size());
    List<DeadLetter> entries =
        replays.withReplays(
            topic.name(), slice.records().stream().map(DeadLetterRecord::entry).toList());
    return new Page<>(entries, request.page(), request.size(), slice.total());
  }

  @APIResponseSchema(
      value = DeadLetterDetail.class,
      responseCode = "200",
      responseDescription = "the dead letter with its record")
  @APIResponse(responseCode = "404", description = "DEAD_LETTER_NOT_FOUND")
  @GET
  @Path("/{id}")
  public DeadLetterDetail show(@PathParam("id") String id) {
    DeadLetterRecord record = find(id);
    DeadLetter entry = replays.withReplays(topic.name(), List.of(record.entry())).get(0);
    return record.detail(entry);
  }

  @APIResponseSchema(
      value = DeadLetter.class,
      responseCode = "202",
      responseDescription = "put back on its topic")
  @APIResponse(responseCode = "404", description = "DEAD_LETTER_NOT_FOUND")
  @APIResponse(responseCode = "422", description = "DEAD_LETTER_NOT_REPLAYABLE")
  @POST
  @Path("/{id}/replay")
  public Response replay(@PathParam("id") String id) {
    DeadLetterRecord record = find(id);
    return Response.accepted(replays.replay(topic.name(), record, who())).build();
  }

  /** The answer of a replay of all: what was put back, what cannot be, whether more remain. */
  public record ReplayAll(
      List<DeadLetter> replayed, List<NotReplayable> notReplayable, int skipped, boolean more) {}

  /** A dead letter that a replay cannot put back as it came, and why. */
  public record NotReplayable(String id, String reason) {}

  /**
   * Replays every dead letter whose event was not replayed before, at most {@value #MAX_REPLAY_ALL}
   * per call ({@code more} says to call again). An event replayed once is not replayed again by
   * this call even if it was dead-lettered again (replay that one by its id).
   */
  @APIResponseSchema(
      value = ReplayAll.class,
      responseCode = "202",
      responseDescription = "what was put back, what cannot be, whether more remain")
  @POST
  @Path("/replay")
  public Response replayAll(@QueryParam("all") String all) {
    if (!"true".equals(all)) {
      throw ProblemException.invalid("all", "must be true to replay every dead letter");
    }
    List<DeadLetter> replayed = new ArrayList<>();
    List<NotReplayable> refused = new ArrayList<>();
    int[] skipped = {0};
    String by = who();
    boolean stoppedEarly =
        topic.scan(
            MAX_REPLAY_ALL_SCAN,
            record -> {
              DeadLetterReplays.Replayable event;
              try {
                event = DeadLetterReplays.replayable(record);
              } catch (ProblemException e) {
                if (refused.size() < MAX_REPLAY_ALL) {
                  refused.add(new NotReplayable(record.id(), e.problem().detail()));
                }
                return true;
              }
              if (replays.eventReplayed(topic.name(), event.source(), event.ceId())) {
                skipped[0]++;
                return true;
              }
              replayed.add(replays.replay(topic.name(), record, by));
              return replayed.size() < MAX_REPLAY_ALL;
            });
    return Response.accepted(new ReplayAll(replayed, refused, skipped[0], stoppedEarly)).build();
  }

  private DeadLetterRecord find(String id) {
    Matcher m = id == null ? null : ID.matcher(id);
    if (m == null || !m.matches()) {
      throw notFound(id);
    }
    return topic
        .read(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)))
        .orElseThrow(() -> notFound(id));
  }

  private String who() {
    Principal principal = token;
    String name = principal == null ? null : principal.getName();
    return name == null || name.isBlank() ? "ops" : name;
  }

  private static ProblemException notFound(String id) {
    return ProblemException.notFound(
        "DEAD_LETTER_NOT_FOUND", "No dead letter " + id + " in this service's dead-letter topic.");
  }
}
