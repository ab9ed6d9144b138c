package io.walletrecon.dispatch;

/**
 * What to do with a bank file claimed for hand-over, from what the directory shows. A file is published by writing
 * a hidden temporary copy, hard-linking it under its real name (which fails instead of replacing an existing file),
 * recording the hand-over, and only then deleting the temporary copy. So after an interrupted hand-over:
 * <ul>
 * <li>the file is there with the same SHA-256: it was handed over; record it, never write it twice;</li>
 * <li>neither the file nor the temporary copy is there: nothing was written; write it;</li>
 * <li>the temporary copy is there but the file is not: it may have been published and already taken by the bank's
 * connector, or never published; nobody can tell from here, so a person asks the bank.</li>
 * </ul>
 * A file claimed fresh ({@code BUILT}: never handed over, or a person confirmed the bank does not have it) is written
 * unless it is already there.
 */
public final class HandOverRule {

    public enum Action {
        WRITE, ALREADY_THERE, UNCERTAIN
    }

    private HandOverRule() {
    }

    /**
     * @param resumed the file was claimed from an interrupted hand-over ({@code HANDING_OVER}), not fresh
     * @param targetSha256 SHA-256 of the file under its real name, null when there is none
     * @param tempExists the hidden temporary copy exists
     * @param fileSha256 SHA-256 of the stored content
     */
    public static Action decide(boolean resumed, String targetSha256, boolean tempExists, String fileSha256) {
        if (targetSha256 != null) {
            return targetSha256.equals(fileSha256) ? Action.ALREADY_THERE : Action.UNCERTAIN;
        }
        return resumed && tempExists ? Action.UNCERTAIN : Action.WRITE;
    }
}
