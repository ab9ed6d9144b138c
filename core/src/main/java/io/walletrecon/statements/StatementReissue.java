package io.walletrecon.statements;

import io.walletrecon.money.Money;
import io.walletrecon.problem.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the import says when a file holds a statement the account has already with other content (a corrected
 * re-issue): what differs, and how to replace it. Plain decisions over what the repository found.
 */
final class StatementReissue {

    private StatementReissue() {
    }

    /** A re-issue without {@code replace}: refused, naming what differs and how to replace the stored statement. */
    static ApiException refused(StatementRepository.Stored stored, StatementRepository.LineDifference difference,
            StagingSink.Staged s, String account) {
        return ApiException.conflict(which(stored, s, account) + " and this file's differs: "
                + String.join("; ", differences(stored, difference, s)) + ". Nothing was imported. If this is the"
                + " corrected statement, import the file again with replace=true: it replaces the stored statement"
                + " and its lines, unless matches or exceptions depend on them");
    }

    /** A replacement refused because decisions depend on the stored statement's lines. */
    static ApiException decided(StatementRepository.Stored stored, StatementRepository.DecidedLines decided,
            StagingSink.Staged s, String account) {
        return ApiException.conflict(which(stored, s, account) + " and cannot be replaced: " + decided.count()
                + (decided.count() == 1 ? " of its lines is" : " of its lines are")
                + " matched or named by an exception (first: " + decided.firstKey() + "). Undo those matches and"
                + " resolve those exceptions through their review first; nothing was imported");
    }

    /** A replacement while a matching run or a person's match holds the account: nothing changed, try again. */
    static ApiException busy(String account) {
        return ApiException.conflict("A matching run or a person's match is in progress on account '" + account
                + "', so its statement cannot be replaced now; nothing was imported. Import the file again with"
                + " replace=true when it has finished");
    }

    private static String which(StatementRepository.Stored stored, StagingSink.Staged s, String account) {
        StatementHeader h = s.header();
        String period = Objects.equals(h.periodStart(), h.periodEnd())
                ? "of " + h.periodEnd()
                : "for " + h.periodStart() + " to " + h.periodEnd();
        String sequence = h.sequence() == null ? "" : " number " + h.sequence();
        return "Line " + h.line() + ": the " + s.format() + " statement" + sequence + " " + period + " of account '"
                + account + "' was imported before (statement " + stored.id()
                + (stored.fileName() == null ? "" : ", file " + stored.fileName()) + ")";
    }

    static List<String> differences(StatementRepository.Stored stored, StatementRepository.LineDifference d,
            StagingSink.Staged s) {
        List<String> out = new ArrayList<>();
        if (d.added() > 0) {
            out.add(d.added() + (d.added() == 1 ? " line" : " lines") + " the stored statement lacks (first at line "
                    + d.firstAddedLine() + ")");
        }
        if (d.missing() > 0) {
            out.add(d.missing() + (d.missing() == 1 ? " line" : " lines") + " of the stored statement missing here"
                    + " (first: " + d.firstMissingKey() + ")");
        }
        balance("opening", stored.opening(), s.header().openingBalanceMinor(), s.currency(), out);
        balance("closing", stored.closing(), s.header().closingBalanceMinor(), s.currency(), out);
        if (out.isEmpty()) {
            out.add("the same lines and balances in another statement layout");
        }
        return out;
    }

    private static void balance(String which, Long stored, Long now, String currency, List<String> out) {
        if (!Objects.equals(stored, now)) {
            out.add(which + " balance " + money(now, currency) + " instead of " + money(stored, currency));
        }
    }

    private static String money(Long minor, String currency) {
        return minor == null ? "none" : Money.ofMinor(minor, currency).toString();
    }
}
