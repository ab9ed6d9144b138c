package io.walletrecon.statements;

import java.time.LocalDate;

/** What a file says about itself; balances and period are null where the format has none. */
public record StatementHeader(String reference, String accountInFile, String currency, LocalDate periodStart,
                             LocalDate periodEnd, Long openingBalanceMinor, Long closingBalanceMinor) {
}
