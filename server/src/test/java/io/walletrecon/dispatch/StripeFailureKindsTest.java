package io.walletrecon.dispatch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures before any answer may hide a payment Stripe executed. */
class StripeFailureKindsTest {

    private static boolean ambiguous(Throwable t) {
        return ((ProviderResult.Transient) StripePaymentProvider.transientOf(new CompletionException(t))).ambiguous();
    }

    @Test
    void aConnectionThatWasNeverMadeIsNotAmbiguous() {
        assertFalse(ambiguous(new ConnectException("Connection refused")));
        assertFalse(ambiguous(new HttpConnectTimeoutException("connect timed out")));
    }

    @Test
    void aTimeoutOrALostConnectionAfterSendingIsAmbiguous() {
        assertTrue(ambiguous(new HttpTimeoutException("request timed out")));
        assertTrue(ambiguous(new IOException("Connection reset")));
    }
}
