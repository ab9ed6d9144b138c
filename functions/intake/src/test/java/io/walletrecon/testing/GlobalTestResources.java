package io.walletrecon.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Test resources every test of this module shares, so that one application instance serves them all. */
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SchemaResource.class, scope = TestResourceScope.GLOBAL)
public class GlobalTestResources {
}
