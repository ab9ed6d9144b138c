package io.walletrecon.intake;

/** An authentic event we cannot (yet) turn into a transaction; it is stored with this reason for a later replay. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason, null, false, false);
    }
}
