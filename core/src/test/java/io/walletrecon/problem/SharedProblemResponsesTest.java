package io.walletrecon.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedProblemResponsesTest {

    @Test
    void recordIsTheCollectionBeforeItsParameterInTheSingular() {
        assertEquals("payment", SharedProblemResponses.recordName("/payments/{id}", "id"));
        assertEquals("bank file", SharedProblemResponses.recordName("/payments/bank-files/{id}", "id"));
        assertEquals("match", SharedProblemResponses.recordName("/matches/{id}/confirm", "id"));
        assertEquals("identity",
                SharedProblemResponses.recordName("/customers/{id}/identities/{identityId}", "identityId"));
        assertEquals("change", SharedProblemResponses.recordName("/payment-policies/{currency}/changes/{id}", "id"));
        assertEquals("account", SharedProblemResponses.recordName("/matching/config/{account}", "account"));
    }

    @Test
    void parametersThatAreValuesNameNoRecord() {
        assertTrue(SharedProblemResponses.namesRecord("identityId"));
        assertTrue(SharedProblemResponses.namesRecord("code"));
        assertFalse(SharedProblemResponses.namesRecord("currency"));
        assertFalse(SharedProblemResponses.namesRecord("token"));
        assertFalse(SharedProblemResponses.namesRecord("provider"));
    }
}
