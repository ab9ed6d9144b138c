package io.walletrecon.statements;

/** A file that cannot be read as its format; {@code line} is the 1-based line of the file where it went wrong. */
public class StatementFormatException extends RuntimeException {

    private final long line;

    public StatementFormatException(long line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
