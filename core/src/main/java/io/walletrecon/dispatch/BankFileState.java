package io.walletrecon.dispatch;

import java.util.Arrays;

/** Where a pain.001 file stands on its way to the bank ({@code bank_files.state}). */
public enum BankFileState {
    /** Stored with its payments; not yet in the hand-over directory. */
    BUILT,
    /** One dispatcher is writing it into the directory (under SKIP LOCKED; taken over when it stays there too long). */
    HANDING_OVER,
    /** In the directory, exactly once. */
    HANDED_OVER,
    /**
     * A hand-over was interrupted at a point where the bank's connector may already have taken the file: a person
     * checks.
     */
    UNCERTAIN;

    public String code() {
        return name().toLowerCase();
    }

    public static BankFileState of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown bank file state " + code));
    }
}
