package io.walletrecon.intake;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The test vector published with the Standard Webhooks specification, and its near misses. */
class StandardWebhooksVerifierTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final String TIMESTAMP = "1614265330";
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static StandardWebhooksVerifier at(long epochSecond) {
        return new StandardWebhooksVerifier(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC), null);
    }

    @Test
    void specificationVectorVerifiesWithTheClockAtItsTimestamp() {
        assertDoesNotThrow(() -> at(1614265330).verify(List.of(SECRET), ID, TIMESTAMP, SIGNATURE, BODY));
    }

    @Test
    void anyMatchingEntryOfSeveralIsEnoughAndOtherVersionsAreSkipped() {
        String header = "v1a,bm90LWVkMjU1MTk= v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + SIGNATURE;
        assertDoesNotThrow(() -> at(1614265330).verify(List.of("whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY", SECRET),
                ID, TIMESTAMP, header, BODY));
    }

    @Test
    void changedBodyDoesNotVerify() {
        byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        WebhookRejectedException e = assertThrows(WebhookRejectedException.class,
                () -> at(1614265330).verify(List.of(SECRET), ID, TIMESTAMP, SIGNATURE, changed));
        assertEquals(RejectionReason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void changedIdDoesNotVerify() {
        WebhookRejectedException e = assertThrows(WebhookRejectedException.class,
                () -> at(1614265330).verify(List.of(SECRET), "msg_other", TIMESTAMP, SIGNATURE, BODY));
        assertEquals(RejectionReason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void vectorIsStaleSixMinutesLaterAndEarlier() {
        WebhookRejectedException late = assertThrows(WebhookRejectedException.class,
                () -> at(1614265330 + 301).verify(List.of(SECRET), ID, TIMESTAMP, SIGNATURE, BODY));
        assertEquals(RejectionReason.STALE_TIMESTAMP, late.reason());
        WebhookRejectedException early = assertThrows(WebhookRejectedException.class,
                () -> at(1614265330 - 301).verify(List.of(SECRET), ID, TIMESTAMP, SIGNATURE, BODY));
        assertEquals(RejectionReason.STALE_TIMESTAMP, early.reason());
        assertDoesNotThrow(() -> at(1614265330 + 300).verify(List.of(SECRET), ID, TIMESTAMP, SIGNATURE, BODY));
    }

    @Test
    void headerWithoutV1EntryIsMalformed() {
        WebhookRejectedException e = assertThrows(WebhookRejectedException.class,
                () -> at(1614265330).verify(List.of(SECRET), ID, TIMESTAMP, "v2,abc", BODY));
        assertEquals(RejectionReason.MALFORMED, e.reason());
    }
}
