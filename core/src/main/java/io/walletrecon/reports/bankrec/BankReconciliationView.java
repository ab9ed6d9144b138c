package io.walletrecon.reports.bankrec;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

/**
 * The bank reconciliation statement as JSON: amounts as exact decimal strings plus {@code *Minor} in minor units,
 * every label in the language asked for. Group totals are signed as stored (debits and payments negative).
 */
@RegisterForReflection
public record BankReconciliationView(String report, String title, String language, String account,
        String accountName, String currency, LocalDate date, LocalDate bankStatementDate, LocalDate itemsFrom,
        Side journal, Side bank, Amount unexplainedDifference, boolean balanced) {

    /** An amount and its label. */
    @RegisterForReflection
    public record Amount(String label, String amount, BigInteger amountMinor) {
    }

    /** One column of the layout: the balance, what is added, what is taken off, the adjusted balance. */
    @RegisterForReflection
    public record Side(String label, Amount balance, Group add, Group less, Amount adjustedBalance) {
    }

    /** A group of reconciling items: how many, their signed total, the items (at most the first 500 by date). */
    @RegisterForReflection
    public record Group(String key, String label, long count, String total, long totalMinor, List<Item> items) {
    }

    /** A bank line ({@code statement_line}) or journal entry ({@code ledger_entry}), with its open exception. */
    @RegisterForReflection
    public record Item(String type, long id, LocalDate date, String amount, long amountMinor, String counterparty,
            String reference, String memo, Long exceptionId) {
    }
}
