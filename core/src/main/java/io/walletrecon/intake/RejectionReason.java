package io.walletrecon.intake;

import java.util.Locale;

/**
 * Why a webhook was refused, and what the sender is told. Every refusal that concerns the endpoint's account
 * (no such account, an account without credentials, a missing or bad signature, a stale timestamp, an unknown key
 * serial, an event of another merchant) gets the same status and text, so that answers do not tell which account
 * codes exist or how they are configured; the precise reason goes only to the log and the rejection counter.
 */
public enum RejectionReason {
    UNKNOWN_PROVIDER(404, "webhooks are accepted for stripe, standard, wechatpay and alipay"), TOO_LARGE(413,
            "the body is larger than " + WebhookResource.MAX_BODY_BYTES + " bytes"), TOO_SLOW(408,
                    "the body did not arrive within the time allowed; send it again"), UNKNOWN_ACCOUNT, NO_CREDENTIALS, MISSING_HEADERS, MALFORMED, BAD_SIGNATURE, STALE_TIMESTAMP, UNKNOWN_SERIAL, WRONG_MERCHANT;

    /** The one answer for every refusal about the account: it says what to check without saying what was wrong. */
    public static final String NOT_AUTHENTICATED = "the notification was not accepted: it is not authentic for this endpoint "
            + "(check the account code in the URL, the signing secret or key, and the clock)";

    /** The status the sender gets. */
    public final int status;
    /** The text the sender gets; the log keeps the precise reason. */
    public final String answer;

    RejectionReason() {
        this(400, NOT_AUTHENTICATED);
    }

    RejectionReason(int status, String answer) {
        this.status = status;
        this.answer = answer;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
