package io.walletrecon.money;

/** An amount or currency that cannot be represented exactly; the message says why in words a person can act on. */
public class MoneyFormatException extends IllegalArgumentException {
    public MoneyFormatException(String message) {
        super(message);
    }
}
