package io.walletrecon.dispatch;

import org.junit.jupiter.api.Test;

import static io.walletrecon.dispatch.HandOverRule.Action.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HandOverRuleTest {

    @Test
    void aFreshFileIsWrittenUnlessItIsAlreadyThere() {
        assertEquals(WRITE, HandOverRule.decide(false, null, false, "abc"));
        assertEquals(WRITE, HandOverRule.decide(false, null, true, "abc"));
        assertEquals(ALREADY_THERE, HandOverRule.decide(false, "abc", false, "abc"));
    }

    @Test
    void anInterruptedHandOverIsFinishedOnlyWhenTheDirectoryTellsWhatHappened() {
        assertEquals(ALREADY_THERE, HandOverRule.decide(true, "abc", true, "abc"));
        assertEquals(WRITE, HandOverRule.decide(true, null, false, "abc"));
        assertEquals(UNCERTAIN, HandOverRule.decide(true, null, true, "abc"));
    }

    @Test
    void anotherFileUnderTheSameNameIsNeverReplaced() {
        assertEquals(UNCERTAIN, HandOverRule.decide(false, "def", false, "abc"));
        assertEquals(UNCERTAIN, HandOverRule.decide(true, "def", true, "abc"));
    }
}
