package io.walletrecon.dispatch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BankStatusTest {

    @Test
    void acceptanceCodesAcceptPendingWaitsRejectionRejectsAndOthersChangeNothing() {
        for (String code : new String[]{"ACCP", "ACTC", "ACSP", "ACSC", "ACWC", "ACCC", "acsc"}) {
            assertEquals(BankStatus.ACCEPTED, BankStatus.ofIsoCode(code), code);
        }
        assertEquals(BankStatus.PENDING, BankStatus.ofIsoCode("PDNG"));
        assertEquals(BankStatus.REJECTED, BankStatus.ofIsoCode("RJCT"));
        assertNull(BankStatus.ofIsoCode("PART"));
        assertNull(BankStatus.ofIsoCode("RCVD"));
        assertNull(BankStatus.ofIsoCode(null));
    }

    @Test
    void aReasonReadsAsItsCodeItsMeaningAndTheBanksText() {
        assertEquals("AC04 (Closed account number): Konto aufgelöst", BankStatus.describe("AC04", "Konto aufgelöst"));
        assertEquals("ZZ99", BankStatus.describe("ZZ99", null));
        assertEquals("no reason given", BankStatus.describe(null, " "));
    }
}
