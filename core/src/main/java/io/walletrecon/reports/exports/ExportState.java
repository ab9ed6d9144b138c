package io.walletrecon.reports.exports;

import java.util.Arrays;
import java.util.Locale;

/** Where an export job stands ({@code report_exports.state}). */
public enum ExportState {
    /** Recorded with the request; waiting for its executor (the worker pool, or the background-work function). */
    QUEUED,
    /** Claimed by one executor, rendering its rows into the file. */
    RUNNING,
    /** The file is in storage, ready to download. */
    SUCCEEDED,
    /** It could not be handed over or rendered; the error says why. Request the export again. */
    FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExportState of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown export state " + code));
    }

    public boolean isFinal() {
        return ExportStateMachine.next(this).isEmpty();
    }
}
