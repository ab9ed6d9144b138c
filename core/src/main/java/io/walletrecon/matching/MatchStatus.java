package io.walletrecon.matching;

/**
 * Where a match ({@code matches.status}) stands. {@link MatchStateMachine} holds the allowed transitions.
 * <ul>
 * <li>{@code suggested}: a run proposes it (a weaker rule); its items are held, nothing is paid until a person
 * confirms;</li>
 * <li>{@code confirmed}: a run's confident rule or a person made it; a receipt match has paid its receivables;</li>
 * <li>{@code rejected}: a person refused the suggestion; the pair is never proposed again;</li>
 * <li>{@code unmatched}: a person undid a confirmed match; its payments were taken back, the pair is not proposed
 * again.</li>
 * </ul>
 */
public enum MatchStatus {
    SUGGESTED, CONFIRMED, REJECTED, UNMATCHED;

    public String code() {
        return name().toLowerCase();
    }

    public static MatchStatus of(String code) {
        return valueOf(code.toUpperCase());
    }

    /** A person's refusal of the pair: its items are retired and the runs never propose it again. */
    public boolean refusal() {
        return this == REJECTED || this == UNMATCHED;
    }
}
