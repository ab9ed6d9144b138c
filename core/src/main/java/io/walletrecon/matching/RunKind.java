package io.walletrecon.matching;

/**
 * Why a run happens ({@code match_runs.kind}): a person asked for a period ({@code manual}), the schedule runs what
 * changed since the last one ({@code incremental}), or the schedule closes an account's business day
 * ({@code day_end}, once per account and local day after its configured day-end time).
 */
public enum RunKind {
    MANUAL, INCREMENTAL, DAY_END;

    public String code() {
        return name().toLowerCase();
    }

    /** Full runs cover a closed period and may raise exceptions about absence; incremental runs do not. */
    public boolean full() {
        return this != INCREMENTAL;
    }
}
