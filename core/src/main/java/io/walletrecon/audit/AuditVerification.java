package io.walletrecon.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * The result of walking the audit chain: intact, or the first row whose hash or link does not hold, or the chain
 * ends before the anchored head (truncated). {@code anchoredRowId}/{@code anchoredAt}: the latest anchor checked
 * against; absent when none was written yet (then deleting the newest rows cannot be told from never writing them).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean intact, long rowsChecked, Long firstBrokenId, String problem,
        Long anchoredRowId,
        Instant anchoredAt) {
}
