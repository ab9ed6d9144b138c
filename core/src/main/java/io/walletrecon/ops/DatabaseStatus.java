package io.walletrecon.ops;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What an operator checks first: is the schema there, and is anything stuck. */
@RegisterForReflection
public record DatabaseStatus(long accounts, long transactions, long webhookEventsNotProcessed, String schemaVersion) {
}
