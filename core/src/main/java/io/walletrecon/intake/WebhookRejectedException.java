package io.walletrecon.intake;

/** A delivery that is not (provably) from the provider. The message is safe to return and to log. */
public class WebhookRejectedException extends RuntimeException {

    private final RejectionReason reason;

    public WebhookRejectedException(RejectionReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
