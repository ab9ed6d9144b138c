package io.walletrecon.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The result of walking the audit chain: intact, or the first row whose hash or link does not hold. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean intact, long rowsChecked, Long firstBrokenId, String problem) {
}
