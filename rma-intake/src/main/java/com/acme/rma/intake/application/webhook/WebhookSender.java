package com.acme.rma.intake.application.webhook;

import com.acme.rma.intake.domain.webhook.DeliveryOutcome;
import java.util.Map;

/**
 * Sends one HTTP POST (5 s to connect, 5 s for the answer) and tells what came of it. The host is
 * resolved once for the attempt and the connection goes only to addresses that pass {@link
 * com.acme.rma.intake.domain.webhook.WebhookTarget#addressRefusal} (no answer, "URL refused: …",
 * otherwise): a host cannot answer a public address to the check and a private one to the
 * connection.
 */
public interface WebhookSender {

  DeliveryOutcome post(String url, byte[] body, Map<String, String> headers);
}
