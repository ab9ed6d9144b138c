package io.walletrecon.reports.exports;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** An export job as the API shows it: progress while it runs, and where to fetch the file once it is done. */
@RegisterForReflection
public record ExportView(UUID id, String report, String format, String state, Long rowsTotal, long rowsWritten,
        Integer percent, String fileName, String contentType, Long bytes, String error,
        Instant createdAt, Instant finishedAt, String download) {
}
