package com.acme.rma.intake;

import com.acme.rma.intake.support.RegistryStub;
import com.acme.rma.testsupport.JwtResource;
import com.acme.rma.testsupport.KafkaBrokerResource;
import com.acme.rma.testsupport.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Every test of this service runs against one real broker, one real database and one stub of the
 * address-registry's lock API.
 */
@WithTestResource(
    value = KafkaBrokerResource.class,
    scope = TestResourceScope.GLOBAL,
    parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = JwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RegistryStub.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {
  private TestInfrastructure() {}
}
