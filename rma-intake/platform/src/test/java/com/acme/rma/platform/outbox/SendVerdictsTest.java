package com.acme.rma.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.platform.outbox.SendVerdicts.Fate;
import com.acme.rma.platform.outbox.SendVerdicts.Sent;
import com.acme.rma.platform.outbox.SendVerdicts.Verdict;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class SendVerdictsTest {

  private static final int MAX = 5;

  private static Sent acked(long seq) {
    return new Sent(seq, 0, null);
  }

  private static Sent failed(long seq, int attemptsSoFar, Throwable failure) {
    return new Sent(seq, attemptsSoFar, failure);
  }

  private static Throwable brokerDown() {
    return new TimeoutException("Expiring 1 record(s) for t-0: 120000 ms has passed");
  }

  @Test
  void anAcknowledgedRowIsPublished() {
    List<Verdict> verdicts = SendVerdicts.judge(List.of(acked(1)), MAX);
    assertEquals(Fate.PUBLISHED, verdicts.get(0).fate());
  }

  @Test
  void aNonRetriableFailureCountsAsAnAttemptEvenWhenNothingElseWasAcknowledged() {
    Verdict verdict =
        SendVerdicts.judge(List.of(failed(1, 0, new RecordTooLargeException("too big"))), MAX)
            .get(0);
    assertEquals(Fate.COUNTED, verdict.fate());
    assertEquals(1, verdict.attempts());
    assertTrue(verdict.error().contains("RecordTooLargeException"), verdict.error());
    assertTrue(verdict.error().contains("too big"), verdict.error());
  }

  @Test
  void aRetriableFailureCountsWhenAnotherRowOfTheBatchWasAcknowledged() {
    List<Verdict> verdicts =
        SendVerdicts.judge(List.of(acked(1), failed(2, 2, brokerDown()), acked(3)), MAX);
    assertEquals(Fate.PUBLISHED, verdicts.get(0).fate());
    assertEquals(Fate.COUNTED, verdicts.get(1).fate());
    assertEquals(3, verdicts.get(1).attempts());
    assertEquals(Fate.PUBLISHED, verdicts.get(2).fate());
  }

  @Test
  void whenEveryRowFailsWithARetriableErrorTheBrokerIsDownAndNothingCounts() {
    List<Verdict> verdicts =
        SendVerdicts.judge(
            List.of(
                failed(1, 4, brokerDown()),
                failed(2, 0, new NotLeaderOrFollowerException("moving")),
                failed(3, 0, new CompletionException(brokerDown()))),
            MAX);
    for (Verdict verdict : verdicts) {
      assertEquals(Fate.RETRY, verdict.fate());
    }
    assertEquals(4, verdicts.get(0).attempts(), "an outage does not move a row towards parking");
  }

  @Test
  void theRowIsParkedOnItsLastAllowedAttemptWithItsReason() {
    Verdict verdict =
        SendVerdicts.judge(
                List.of(failed(1, MAX - 1, new TopicAuthorizationException("not authorized to t"))),
                MAX)
            .get(0);
    assertEquals(Fate.PARKED, verdict.fate());
    assertEquals(MAX, verdict.attempts());
    assertTrue(verdict.error().contains("not authorized"), verdict.error());
  }

  @Test
  void aRetriableCauseDeepInTheChainMakesTheFailureRetriable() {
    assertTrue(SendVerdicts.retriable(new IllegalStateException("x", brokerDown())));
    assertFalse(
        SendVerdicts.retriable(new IllegalStateException("x", new RecordTooLargeException())));
  }

  @Test
  void aFailureThatIsNoKafkaErrorAtAllIsTreatedAsTheInfrastructureNotTheRow() {
    // e.g. the channel being stopped at shut-down: no reason to blame the row
    assertTrue(SendVerdicts.retriable(new IllegalStateException("channel closed")));
  }

  @Test
  void aRowTheRelayCannotEvenTurnIntoARecordIsNotRetriable() {
    assertFalse(SendVerdicts.retriable(new SendVerdicts.UnsendableRowException("bad source")));
  }

  @Test
  void theRecordedReasonIsBounded() {
    Verdict verdict =
        SendVerdicts.judge(
                List.of(failed(1, 0, new RecordTooLargeException("x".repeat(5000)))), MAX)
            .get(0);
    assertEquals(SendVerdicts.MAX_ERROR_LENGTH, verdict.error().length());
  }

  @Test
  void aMaximumOfOneParksAtTheFirstCountedFailure() {
    assertEquals(
        Fate.PARKED,
        SendVerdicts.judge(List.of(failed(1, 0, new RecordTooLargeException("big"))), 1)
            .get(0)
            .fate());
  }
}
