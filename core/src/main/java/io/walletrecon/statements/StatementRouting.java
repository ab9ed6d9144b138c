package io.walletrecon.statements;

import io.walletrecon.accounts.AccountNumbers;
import io.walletrecon.money.Money;
import io.walletrecon.problem.ProblemError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which account each statement of a file belongs to, and the checks that need the account (pure decisions; the
 * service looks the accounts up). A statement goes to the account whose number it names. With {@code ?account=}:
 * statements naming no number, or a number no account has while that account has no number of its own, go to
 * it (the uploader vouches for them); a statement naming a number that is neither ours nor that account's is
 * refused. Without {@code ?account=} every statement must name one of our accounts. Then: a statement's currency is
 * its account's, and consecutive statements of one account in the file chain (opening = previous closing).
 */
final class StatementRouting {

    /** An account as routing sees it. */
    record Target(long id, String code, String number, String currency) {
    }

    /** The account of each statement (in file order), or the errors that refuse the file. */
    record Routes(List<Target> targets, List<ProblemError> errors, boolean accountMissing) {
    }

    private StatementRouting() {
    }

    /** All numbers to look up for the statements of a file. */
    static Set<String> candidates(List<StagingSink.Staged> statements) {
        Set<String> out = new LinkedHashSet<>();
        for (StagingSink.Staged s : statements) {
            out.addAll(AccountNumbers.candidates(s.header().accountInFile()));
        }
        return out;
    }

    static Routes route(List<StagingSink.Staged> statements, Target uploadedTo, List<Target> numbered) {
        Map<String, Target> byNumber = new HashMap<>();
        numbered.forEach(t -> byNumber.put(t.number(), t));
        List<Target> targets = new ArrayList<>();
        List<ProblemError> errors = new ArrayList<>();
        boolean missing = false;
        for (StagingSink.Staged s : statements) {
            String inFile = s.header().accountInFile();
            long line = s.header().line();
            Target found = null;
            for (String c : AccountNumbers.candidates(inFile)) {
                found = byNumber.get(c);
                if (found != null) {
                    break;
                }
            }
            if (found == null && uploadedTo != null
                    && (uploadedTo.number() == null || inFile == null || inFile.isBlank())) {
                found = uploadedTo;
            }
            if (found == null) {
                if (inFile == null || inFile.isBlank()) {
                    missing = true;
                    errors.add(ProblemError.line(line, null,
                            "the statement does not name its account; upload it with account="));
                } else if (uploadedTo != null) {
                    errors.add(ProblemError.line(line, null,
                            "the statement is for account " + inFile + ", but account '" + uploadedTo.code()
                                    + "' has account number " + uploadedTo.number() + " and no account has " + inFile));
                } else {
                    errors.add(ProblemError.line(line, null,
                            "account " + inFile + " is not the account number of any account"));
                }
            }
            targets.add(found);
        }
        if (errors.isEmpty()) {
            checkCurrencies(statements, targets, errors);
            checkChains(statements, targets, errors);
        }
        return new Routes(targets, errors, missing);
    }

    private static void checkCurrencies(List<StagingSink.Staged> statements, List<Target> targets,
            List<ProblemError> errors) {
        for (int i = 0; i < statements.size(); i++) {
            StagingSink.Staged s = statements.get(i);
            Target t = targets.get(i);
            if (s.currency() != null && !s.currency().equals(t.currency())) {
                errors.add(ProblemError.line(s.header().line(), null,
                        "the statement is in " + s.currency() + " but account '" + t.code()
                                + "' holds " + t.currency()));
            }
        }
    }

    private static void checkChains(List<StagingSink.Staged> statements, List<Target> targets,
            List<ProblemError> errors) {
        Map<String, StagingSink.Staged> previous = new HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            StagingSink.Staged s = statements.get(i);
            String series = targets.get(i).id() + "|" + s.header().accountInFile();
            StagingSink.Staged before = previous.put(series, s);
            Long opening = s.header().openingBalanceMinor();
            Long closing = before == null ? null : before.header().closingBalanceMinor();
            if (opening != null && closing != null && !opening.equals(closing)) {
                errors.add(ProblemError.line(s.header().line(), null,
                        "the opening balance " + Money.ofMinor(opening, s.currency())
                                + " differs from the closing balance " + Money.ofMinor(closing, s.currency())
                                + " of the statement before it in the file (line " + before.header().line() + ")"));
            }
        }
    }
}
