package io.walletrecon.background;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Work a request starts and does not wait for: a matching run or a report export, named by its kind and the id of
 * its row. The contract between the function that asks (the HTTP function puts an empty object under
 * {@code jobs/<kind>/<id>} in the documents bucket) and the {@code background-work} function that the bucket's
 * ObjectCreated event invokes: {@link #objectKey} writes the key, {@link #fromObjectKey} reads it back and refuses
 * anything else loudly.
 */
@RegisterForReflection
public record BackgroundJob(Kind kind, String id) {

    public enum Kind {
        MATCHING_RUN("matching-run"), REPORT_EXPORT("report-export");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Kind of(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown background job kind \"" + code + "\": expected one of "
                    + Arrays.stream(values()).map(Kind::code).collect(Collectors.joining(", ")));
        }
    }

    public BackgroundJob {
        if (kind == null || id == null || !id.matches("[0-9A-Za-z-]{1,64}")) {
            throw new IllegalArgumentException("a background job needs a kind and an id of letters, digits and dashes");
        }
    }

    public static BackgroundJob matchingRun(long runId) {
        return new BackgroundJob(Kind.MATCHING_RUN, Long.toString(runId));
    }

    public static BackgroundJob reportExport(java.util.UUID exportId) {
        return new BackgroundJob(Kind.REPORT_EXPORT, exportId.toString());
    }

    /** {@code <prefix><kind>/<id>}, e.g. {@code jobs/matching-run/42}. */
    public String objectKey(String prefix) {
        return prefix + kind.code() + "/" + id;
    }

    /** The job an object key names; an exception for a key outside {@code prefix} or of an unknown kind. */
    public static BackgroundJob fromObjectKey(String prefix, String key) {
        if (key == null || !key.startsWith(prefix)) {
            throw new IllegalArgumentException("object key " + key + " is not under " + prefix);
        }
        String[] parts = key.substring(prefix.length()).split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("object key " + key + " is not " + prefix + "<kind>/<id>");
        }
        return new BackgroundJob(Kind.of(parts[0]), parts[1]);
    }
}
