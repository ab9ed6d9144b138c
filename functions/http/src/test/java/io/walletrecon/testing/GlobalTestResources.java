package io.walletrecon.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Test resources every test of this module shares, so that one application instance serves them all. */
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
// the console's sign-in: an OpenID provider on loopback (code flow with PKCE)
@WithTestResource(value = MockOidcProvider.class, scope = TestResourceScope.GLOBAL)
public class GlobalTestResources {
}
