package com.acme.rma.registry.application;

import com.acme.rma.registry.domain.GoldPlus;
import com.acme.rma.registry.domain.Site;

/**
 * A site as stored, with the Gold Plus decision last published for it on {@code registry.sites} (so
 * that a re-evaluation publishes only what changed).
 */
public record StoredSite(Site site, GoldPlus announced) {}
