package io.walletrecon.audit;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * The head of the audit chain at one moment, kept outside the database: the newest row's id and hash and how many
 * rows the chain had, signed with a key derived from the master key ({@code mac}) so that whoever can write the
 * store but not read the key cannot forge one. Verification finds the anchored row with the anchored hash, or
 * reports the chain truncated or rewritten.
 */
@RegisterForReflection
public record AuditAnchor(long rowId, String hash, long rows, Instant anchoredAt, String mac) {

    /** The bytes the MAC covers. */
    String signed() {
        return rowId + "|" + hash + "|" + rows + "|" + anchoredAt;
    }
}
