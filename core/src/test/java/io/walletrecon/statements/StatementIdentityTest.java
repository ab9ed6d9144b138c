package io.walletrecon.statements;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A statement's identity and content as the staging sink computes them. */
class StatementIdentityTest {

    static final LocalDate DAY = LocalDate.of(2026, 9, 30);

    static StagingSink.Staged staged(String reference, long closing, String... keys) {
        StagingSink sink = new StagingSink(values -> {
        }, UUID.randomUUID(), "mt940");
        long sum = 0;
        for (int i = 0; i < keys.length; i++) {
            sink.line(new StatementLine(i + 2, keys[i], "payment", DAY, DAY, 100, null, "EUR", null, null, null, null,
                    null, null, null, null, "raw"));
            sum += 100;
        }
        sink.statement(new StatementHeader("mt940", reference, "7/1", "DE89370400440532013000", "EUR", DAY, DAY,
                closing - sum, closing, 1));
        return sink.statements().get(0);
    }

    @Test
    void anotherReferenceIsTheSameStatementWithTheSameContent() {
        var first = staged("EXPORT-1", 1000, "a", "b");
        var again = staged("EXPORT-2", 1000, "a", "b");
        assertEquals(first.key(), again.key());
        assertEquals(first.content(), again.content());
    }

    @Test
    void theSameLinesInAnotherOrderAreTheSameContent() {
        assertEquals(staged("X", 1000, "a", "b", "c").content(), staged("X", 1000, "c", "a", "b").content());
    }

    @Test
    void otherLinesOrBalancesAreOtherContentOfTheSameStatement() {
        var stored = staged("X", 1000, "a", "b");
        for (var reissue : List.of(staged("X", 1000, "a", "c"), staged("X", 1100, "a", "b"),
                staged("X", 1000, "a", "b", "c"))) {
            assertEquals(stored.key(), reissue.key());
            assertNotEquals(stored.content(), reissue.content());
        }
    }
}
