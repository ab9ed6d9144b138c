package io.walletrecon.money;

/** Adding or comparing two currencies is a bug, never a silent conversion. */
public class CurrencyMismatchException extends IllegalArgumentException {
    public CurrencyMismatchException(String left, String right) {
        super("cannot combine " + left + " with " + right);
    }
}
