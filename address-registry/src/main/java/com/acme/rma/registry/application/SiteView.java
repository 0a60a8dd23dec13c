package com.acme.rma.registry.application;

import com.acme.rma.registry.domain.GoldPlus;
import com.acme.rma.registry.domain.Site;

/** A site with its Gold Plus decision as of the moment it was read. */
public record SiteView(Site site, GoldPlus goldPlus) {}
