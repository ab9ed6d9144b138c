package io.walletrecon.intake;

/** Why a webhook was refused, with the HTTP status the sender gets. Counted and logged, never with secrets. */
public enum RejectionReason {
    UNKNOWN_PROVIDER(404),
    UNKNOWN_ACCOUNT(404),
    MISSING_HEADERS(400),
    MALFORMED(400),
    BAD_SIGNATURE(400),
    STALE_TIMESTAMP(400),
    UNKNOWN_SERIAL(400),
    TOO_LARGE(413);

    public final int status;

    RejectionReason(int status) {
        this.status = status;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
