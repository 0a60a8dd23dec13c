package com.acme.rma.intake.application.webhook;

import com.acme.rma.intake.domain.webhook.DeliveryOutcome;
import java.util.Map;

/** Sends one HTTP POST (5 s to connect, 5 s for the answer) and tells what came of it. */
public interface WebhookSender {

  DeliveryOutcome post(String url, byte[] body, Map<String, String> headers);
}
