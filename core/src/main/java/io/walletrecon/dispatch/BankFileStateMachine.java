package io.walletrecon.dispatch;

import java.util.Set;

import static io.walletrecon.dispatch.BankFileState.*;

/**
 * A bank file is handed over once: BUILT → HANDING_OVER → HANDED_OVER. An interrupted hand-over that cannot tell
 * whether the bank took the file becomes UNCERTAIN; a person who asked the bank settles it: HANDED_OVER (the bank has
 * it) or BUILT (it has not: deliver it again).
 */
public final class BankFileStateMachine {

    private static final TransitionTable<BankFileState> TABLE = new TransitionTable<>(BankFileState.class,
            BankFileState::code)
            .from(BUILT, HANDING_OVER)
            .from(HANDING_OVER, HANDED_OVER, UNCERTAIN)
            .from(UNCERTAIN, HANDED_OVER, BUILT);

    private BankFileStateMachine() {
    }

    public static boolean allows(BankFileState from, BankFileState to) {
        return TABLE.allows(from, to);
    }

    public static Set<BankFileState> next(BankFileState from) {
        return TABLE.next(from);
    }

    public static void require(long fileId, BankFileState from, BankFileState to) {
        TABLE.require("Bank file " + fileId, from, to);
    }
}
