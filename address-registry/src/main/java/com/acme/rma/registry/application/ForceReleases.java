package com.acme.rma.registry.application;

import java.time.Instant;
import java.util.List;

/** Port: the audit trail of ops' force-releases of site locks. */
public interface ForceReleases {

  /** One force-release: which RMA's lock ops released, who, when and why. */
  record Record(
      String serialNumber,
      String rmaNumber,
      String releasedBy,
      Instant releasedAt,
      String reason) {}

  void add(Record record);

  /** The site's force-releases, newest first. */
  List<Record> ofSite(String serialNumber, int offset, int limit);

  long countOfSite(String serialNumber);
}
