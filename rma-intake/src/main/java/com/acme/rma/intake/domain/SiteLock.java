package com.acme.rma.intake.domain;

/**
 * The address-registry's answer to "lock this appliance's site for this RMA": the registered
 * address as locked, its version, and whether it qualifies for Gold Plus.
 *
 * @param ineligibleReason why not, when not eligible (OUT_OF_SERVICE_AREA or
 *     SERVICE_CENTER_PENDING)
 */
public record SiteLock(
    String rmaNumber,
    Address address,
    int version,
    boolean eligible,
    String serviceCenterId,
    DowngradeReason ineligibleReason) {}
