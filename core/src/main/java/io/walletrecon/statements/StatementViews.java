package io.walletrecon.statements;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What {@code GET /statements} and {@code GET /statements/{id}/lines} show. */
public final class StatementViews {

    private StatementViews() {
    }

    /**
     * An imported statement, bill or intraday report. The period of a report that states none (an intraday report)
     * is the first and last value date of its lines. Balances are null where the file has none. {@code lines} counts
     * the lines it brought (an intraday report's lines that the day's statement took over included, see
     * {@code confirmedBy}); of them {@code matched} are in a confirmed match, {@code suggested} in a suggested one,
     * {@code classified} are the bank's fees or interest without a match, and {@code unmatched} the rest.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StatementView(long id, String account, String company, String format, boolean intraday,
            String reference, String accountInFile, LocalDate periodStart, LocalDate periodEnd, String currency,
            Long openingBalanceMinor, Long closingBalanceMinor, long lines, long matched, long suggested,
            long unmatched, long classified, List<Long> confirmedBy, String fileName, Instant importedAt,
            String importedBy) {
    }

    /**
     * One line. {@code statementId} is the statement it belongs to now (the day's statement once one took it over),
     * {@code reportedStatementId} the intraday report that brought it first, if any. {@code matchState}: matched (a
     * confirmed match holds it), suggested (a suggested one does), unmatched (none); {@code matchId} that match.
     * {@code exception}: its open (or in-review) exception, if any.
     */
    @RegisterForReflection
    public record LineView(long id, long statementId, Long reportedStatementId, int lineNo, LocalDate valueDate,
            LocalDate bookingDate, long amountMinor, Long feeMinor, String currency, String kind,
            String counterpartyName, String counterpartyAccount, String bankReference, String endToEndId,
            String merchantReference, String payoutId, String providerTxnId, String remittance,
            Map<String, String> details, String matchState, Long matchId, String matchKind,
            LineException exception) {
    }

    @RegisterForReflection
    public record LineException(long id, String type, String status) {
    }

    /**
     * A bank account's words that classify its lines as fees or interest; {@code builtIn} when it has none of its
     * own.
     */
    @RegisterForReflection
    public record KeywordsView(String account, List<String> feeKeywords, List<String> interestKeywords,
            boolean builtIn, String updatedBy, Instant updatedAt) {
    }
}
