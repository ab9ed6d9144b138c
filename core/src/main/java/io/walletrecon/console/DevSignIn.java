package io.walletrecon.console;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.walletrecon.security.PublicKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Development only ({@code bin/dev}): a local OpenID provider whose sign-in page hands out the tokens {@code bin/dev}
 * prints (admin + finance, approver + finance), so the console's real code flow with PKCE runs without an identity
 * provider. It does not exist in any other build ({@link IfBuildProfile}); {@code DevSignInAbsentTest} checks it.
 */
@IfBuildProfile("dev")
@Path("/dev/oidc")
@PermitAll
public class DevSignIn {

    static final Map<String, String> PERSONS = Map.of("admin", "admin.token", "approver", "approver.token");

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final java.nio.file.Path dir;

    @Location("dev/sign-in.html")
    Template page;

    record Grant(String person, String redirectUri, String challenge) {
    }

    /** bin/dev runs the server module in dev mode: the tokens are in the project's .dev/ beside it. */
    public DevSignIn() {
        this.dir = java.nio.file.Path.of("..", ".dev");
    }

    @GET
    @Path("/.well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> discovery(@HeaderParam("Host") String host) {
        String base = "http://" + host + "/dev/oidc";
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", "walletrecon");
        d.put("authorization_endpoint", base + "/sign-in");
        d.put("token_endpoint", base + "/token");
        d.put("jwks_uri", base + "/jwks");
        d.put("end_session_endpoint", base + "/sign-out");
        d.put("response_types_supported", List.of("code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        return d;
    }

    @GET
    @Path("/sign-in")
    @Produces(MediaType.TEXT_HTML)
    public String signIn(@QueryParam("redirect_uri") String redirectUri, @QueryParam("state") String state,
            @QueryParam("code_challenge") String challenge) {
        return page.data("redirectUri", redirectUri).data("state", state).data("challenge", challenge)
                .data("persons", PERSONS.keySet().stream().sorted().toList()).render();
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response chosen(@FormParam("person") String person, @FormParam("redirect_uri") String redirectUri,
            @FormParam("state") String state, @FormParam("code_challenge") String challenge) {
        if (!PERSONS.containsKey(person) || redirectUri == null || challenge == null) {
            return Response.status(400).entity("choose a person; the sign-in needs PKCE").build();
        }
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(person, redirectUri, challenge));
        return Response
                .seeOther(UriBuilder.fromUri(redirectUri).queryParam("code", code).queryParam("state", state).build())
                .build();
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("code") String code, @FormParam("code_verifier") String verifier) {
        Grant grant = code == null ? null : grants.remove(code);
        if (grant == null || verifier == null || !grant.challenge().equals(s256(verifier))) {
            return Response.status(400).entity(Map.of("error", "invalid_grant")).build();
        }
        String token = read(PERSONS.get(grant.person()));
        return Response
                .ok(Map.of("access_token", token, "id_token", token, "token_type", "Bearer", "expires_in", 43200))
                .build();
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> jwks() {
        RSAPublicKey key = (RSAPublicKey) PublicKeys.parseRsa(read("jwt-public.pem"));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return Map.of("keys", List.of(Map.of("kty", "RSA", "alg", "RS256", "use", "sig",
                "n", b64.encodeToString(unsigned(key.getModulus().toByteArray())), "e",
                b64.encodeToString(unsigned(key.getPublicExponent().toByteArray())))));
    }

    @GET
    @Path("/sign-out")
    public Response signOut(@QueryParam("post_logout_redirect_uri") String back) {
        return Response.seeOther(java.net.URI.create(back == null ? "/signed-out" : back)).build();
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("run bin/dev: it writes the dev tokens to .dev/", e);
        }
    }

    private static byte[] unsigned(byte[] b) {
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
