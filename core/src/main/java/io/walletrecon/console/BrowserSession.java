package io.walletrecon.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the console's page resources: their {@code @RolesAllowed} is met by the browser's sign-in session (the
 * OpenID Connect code flow's cookie), not by a bearer token, so the deployment routes them without the API's JWT
 * authorizer and the application checks the session itself ({@code TemplateMatchesCodeTest} reads this).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BrowserSession {
}
