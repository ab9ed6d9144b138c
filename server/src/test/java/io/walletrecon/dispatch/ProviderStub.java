package io.walletrecon.dispatch;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** The test side of {@link ProviderStubResource}: a WireMock admin client on the stub's port. */
final class ProviderStub {

    private ProviderStub() {
    }

    static WireMock client() {
        return new WireMock("127.0.0.1", Integer.parseInt(System.getProperty(ProviderStubResource.PORT_PROPERTY)));
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + System.getProperty(ProviderStubResource.PORT_PROPERTY);
    }

    /** Every POST the stub received at {@code path} carrying the idempotency key of {@code paymentId}. */
    static List<LoggedRequest> sends(String path, long paymentId) {
        return client().find(postRequestedFor(urlEqualTo(path))
                .withHeader("Idempotency-Key", WireMock.equalTo(DispatchFixtures.key(paymentId))));
    }

    /** Requests per idempotency key for all POSTs at {@code path}. */
    static Map<String, Long> sendsByKey(String path) {
        return client().find(postRequestedFor(urlEqualTo(path))).stream()
                .collect(Collectors.groupingBy(r -> r.getHeader("Idempotency-Key"), Collectors.counting()));
    }

    static <T> T with(Function<WireMock, T> f) {
        return f.apply(client());
    }
}
