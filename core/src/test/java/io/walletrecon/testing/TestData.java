package io.walletrecon.testing;

import java.util.UUID;

/** Names that no other test uses, so that test classes never share rows and can run in any order. */
public final class TestData {

    private TestData() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
