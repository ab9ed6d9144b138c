package io.walletrecon.dispatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * WireMock on a free loopback port as a Stripe-compatible provider. Like Stripe, it answers a repeated
 * Idempotency-Key with the same object: the payout/refund id is derived from the key (response templating), so a
 * re-send produces no second object. Tests add per-key stubs (500, timeout, 400, 429) at a higher priority and
 * reach the server through {@link ProviderStub}.
 */
public class ProviderStubResource implements QuarkusTestResourceLifecycleManager {

    static final String PORT_PROPERTY = "walletrecon-tests.provider-stub-port";
    static final String ALERT_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .globalTemplating(true).containerThreads(32).jettyAcceptors(2));
        server.start();
        defaults(server);
        System.setProperty(PORT_PROPERTY, Integer.toString(server.port()));
        String base = "http://127.0.0.1:" + server.port();
        return Map.of("walletrecon.dispatch.stripe.base-url", base,
                "walletrecon.dispatch.stripe.api-key", "sk_test_stub",
                "walletrecon.dispatch.alerts.webhook-url", base + "/alerts",
                "walletrecon.dispatch.alerts.webhook-secret", ALERT_SECRET);
    }

    static void defaults(WireMockServer server) {
        server.stubFor(post(urlEqualTo("/v1/payouts")).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"id\":\"po_{{request.headers.Idempotency-Key}}\",\"object\":\"payout\",\"status\":\"pending\"}")));
        server.stubFor(post(urlEqualTo("/v1/refunds")).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"id\":\"re_{{request.headers.Idempotency-Key}}\",\"object\":\"refund\",\"status\":\"succeeded\"}")));
        server.stubFor(get(urlPathMatching("/v1/payouts/.*")).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"id\":\"{{request.pathSegments.[2]}}\",\"object\":\"payout\",\"status\":\"in_transit\"}")));
        server.stubFor(any(urlEqualTo("/alerts")).atPriority(10).willReturn(aResponse().withStatus(204)));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
