package io.walletrecon.matching;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where a reconciliation exception ({@code recon_exceptions.status}) stands. {@link ExceptionStateMachine} holds the
 * allowed transitions.
 * <ul>
 * <li>{@code open}: raised by a run, nobody has taken it;</li>
 * <li>{@code in_review}: a person works it, possibly assigned to someone;</li>
 * <li>{@code resolved}: closed with a reason, by a person or by the run that later matched its item;</li>
 * <li>{@code ignored}: closed by a person, with a reason, as not needing action.</li>
 * </ul>
 */
public enum ExceptionStatus {
    OPEN, IN_REVIEW, RESOLVED, IGNORED;

    public String code() {
        return name().toLowerCase();
    }

    /** Closed: it says who closed it, when and why, and it stays so. */
    public boolean closed() {
        return this == RESOLVED || this == IGNORED;
    }

    /** The status of {@code code}, or null when there is none of that name. */
    public static ExceptionStatus ofOrNull(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }

    public static ExceptionStatus of(String code) {
        ExceptionStatus status = ofOrNull(code);
        if (status == null) {
            throw new IllegalArgumentException("no exception status " + code);
        }
        return status;
    }

    /** Every code, comma-separated, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(ExceptionStatus::code).collect(Collectors.joining(", "));
    }
}
