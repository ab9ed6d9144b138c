package io.walletrecon.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** Typed configuration of matching runs, under {@code walletrecon.matching.*}. */
@ConfigMapping(prefix = "walletrecon.matching")
public interface RunSettings {

    /**
     * A queued run not started within this time is abandoned (its executor is gone: the server died between the
     * request and the start, or the jobs function never received it), so that it no longer blocks the account.
     */
    @WithName("start-timeout")
    @WithDefault("PT5M")
    Duration startTimeout();

    /**
     * The run's transaction ends itself (PostgreSQL {@code idle_in_transaction_session_timeout}, local to it) when
     * it waits this long between two statements: a live run never does, a frozen process (a Lambda after its
     * response) does, and its locks and rows must not outlive it.
     */
    @WithName("idle-timeout")
    @WithDefault("PT2M")
    Duration idleTimeout();

    /**
     * Whether a wallet account's new notification starts an incremental run of the account at once
     * ({@link RealTimeMatching}), so that a payment naming its invoice is matched seconds after it arrives. On in the
     * long-lived server; off in the functions (the cloud runs incremental matching on its schedule) and in tests that
     * do not ask for it.
     */
    @WithName("real-time")
    @WithDefault("false")
    boolean realTime();

    /**
     * How long a real-time run waits after a notification before it starts, so that a burst of notifications of one
     * account becomes one run.
     */
    @WithName("real-time-delay")
    @WithDefault("PT0.2S")
    Duration realTimeDelay();

    /** When the account is busy with another run, how long a real-time run waits before it tries again. */
    @WithName("real-time-retry")
    @WithDefault("PT1S")
    Duration realTimeRetry();

    /** How often the server runs incremental matching (the scheduler reads it). */
    @WithName("incremental-every")
    @WithDefault("15m")
    String incrementalEvery();

    /** Cron of the server's day-end check (the scheduler reads it). */
    @WithName("day-end-check")
    @WithDefault("0 * * * * ?")
    String dayEndCheck();

    /**
     * The bank lines a run reads into the server at a time to compute their candidate keys and payer keys: bounds
     * the run's memory whatever its number of lines (a long MT940 text names about 70 keys, so a page of 10,000
     * stages up to about 700,000 keys).
     */
    @WithName("bank-key-page")
    @WithDefault("10000")
    int bankKeyPage();
}
