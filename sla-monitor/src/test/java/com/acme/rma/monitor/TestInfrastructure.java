package com.acme.rma.monitor;

import com.acme.rma.testsupport.JwtResource;
import com.acme.rma.testsupport.KafkaBrokerResource;
import com.acme.rma.testsupport.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Every test of this service runs against one real broker and one real database (and a stand-in for
 * the two intake reads of the dashboard's page, {@link IntakeStandIn}).
 */
@WithTestResource(
    value = KafkaBrokerResource.class,
    scope = TestResourceScope.GLOBAL,
    parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = JwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = IntakeStandIn.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {
  private TestInfrastructure() {}
}
