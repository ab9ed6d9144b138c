package io.walletrecon.reports.confirmations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the preparer declares: the bank's balance agrees with the books (相符) or does not (不相符). */
public enum ConfirmationResult {
    AGREES, DISAGREES;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConfirmationResult> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
