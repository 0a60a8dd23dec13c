package com.acme.rma.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.rma.e2e.ServiceStack.Service;
import com.acme.rma.testsupport.HostileCampaign;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quick part of the hostile-input campaign (issue 13) against the four packaged services: a few
 * thousand generated bad requests across every operation of their OpenAPI documents — no 5xx, no
 * stack trace, each answered within a second, bad tokens 401, problem+json, services healthy and no
 * RMA, shipment or clock written. {@code deploy/faults/run.sh hostile} runs the full 10,000.
 */
class HostileCampaignIT {

  static final int REQUESTS = 2_000;

  @Test
  void badRequestsOfEveryKindAreRefusedCleanly() throws Exception {
    ServiceStack stack = ServiceStack.shared();
    List<HostileCampaign.Service> services = new ArrayList<>();
    for (Service service : Service.values()) {
      services.add(new HostileCampaign.Service(service.module, stack.url(service)));
    }
    HostileCampaign.Report report =
        new HostileCampaign(services, stack.campaignSigner("P-HOSTILE-1"), 13L).run(REQUESTS);
    System.out.println(report.summary());
    assertTrue(report.requests >= REQUESTS, report::summary);
    assertTrue(report.operations.size() >= 20, report::summary);
    assertTrue(report.clean(), report::summary);
  }
}
