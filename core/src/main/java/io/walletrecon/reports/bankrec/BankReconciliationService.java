package io.walletrecon.reports.bankrec;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.balances.BalanceRepository;
import io.walletrecon.console.Language;
import io.walletrecon.data.Account;
import io.walletrecon.data.Provider;
import io.walletrecon.ledger.LedgerService;
import io.walletrecon.ledger.LedgerViews;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import io.walletrecon.reports.PdfRenderer;
import io.walletrecon.reports.ReportLabels;
import io.walletrecon.reports.ReportsConfig;
import io.walletrecon.reports.RowFormat;
import io.walletrecon.reports.Table;
import io.walletrecon.reports.XlsxWriter;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bank reconciliation statement (余额调节表) of a bank account on a date: the journal's balance, the bank's, and
 * the reconciling items between them ({@link BankReconciliation} holds the arithmetic). The journal's balance is the
 * book balance of {@link BalanceRepository#journalBookAtStart}, the same figure the reconciliation statement and the
 * overview show; the items are those of the bank journal ({@code LedgerService.openItems}, the same query as GET
 * /ledger-entries/unreconciled) from {@link BalanceRepository#journalReconciledFrom} (the opening of the side that
 * covers the days before stands for them) to the date, as they stand on the date.
 */
@ApplicationScoped
public class BankReconciliationService {

    static final String REPORT = "bank-reconciliation";

    private final AccountService accounts;
    private final LedgerService ledger;
    private final BalanceRepository balances;
    private final PdfRenderer pdf;
    private final ReportsConfig config;

    public BankReconciliationService(AccountService accounts, LedgerService ledger, BalanceRepository balances,
            PdfRenderer pdf, ReportsConfig config) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.balances = balances;
        this.pdf = pdf;
        this.config = config;
    }

    /** Blocking: the statement as a printable PDF, the two columns side by side, then every item. */
    public void writePdf(BankReconciliationView v, Language language, OutputStream out) {
        String subject = v.accountName() + " (" + v.account() + ", " + v.currency() + ")";
        String asOf = v.date() + " · " + ReportLabels.of("bankStatementDate", language) + " " + v.bankStatementDate();
        pdf.render(new PdfRenderer.Document(config.companyName(), v.title(), subject, asOf,
                BankReconciliationTables.summaries(v), BankReconciliationTables.items(v, language), language, true),
                out);
    }

    /** Blocking: the statement as a workbook, the figures on the first sheet and the items on the second. */
    public void writeXlsx(BankReconciliationView v, Language language, OutputStream out) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("account", v.account());
        parameters.put("accountName", v.accountName());
        parameters.put("asOf", v.date().toString());
        parameters.put("bankStatementDate", v.bankStatementDate().toString());
        Table items = BankReconciliationTables.items(v, language);
        try {
            XlsxWriter.write(out, v.title(), parameters, BankReconciliationTables.summaries(v), items.name(),
                    items.columns(), items.rows(), language);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name of the statement in {@code extension}. */
    public static String fileName(BankReconciliationView v, String extension) {
        return REPORT + "_" + v.account() + "_" + v.date() + "." + extension;
    }

    /** The statement of {@code accountCode} on {@code date}, labelled in {@code language}. */
    @WithSession
    public Uni<BankReconciliationView> statement(String accountCode, LocalDate date, Language language) {
        List<ProblemError> errors = new ArrayList<>();
        if (accountCode == null || accountCode.isBlank()) {
            errors.add(ProblemError.field("account", "is required"));
        }
        if (date == null) {
            errors.add(ProblemError.field("date", "is required (yyyy-MM-dd): the day the statement is drawn up for"));
        }
        Validation.refuseIfAny(errors);
        return bankAccount(accountCode).chain(account -> balances.reported(account.id, account.currency, date)
                .map(reported -> reported.orElseThrow(() -> noBankBalance(account, date)))
                .chain(reported -> balances.journalReconciledFrom(account.id, account.currency)
                        .chain(first -> ledger.openItems(account, first.orElse(null), date)
                                .chain(items -> balances.journalBook(account.id, account.currency, date)
                                        .map(journal -> view(account, date, reported, first, items, journal,
                                                language))))));
    }

    private Uni<Account> bankAccount(String code) {
        return accounts.require(code).invoke(a -> {
            if (a.provider != Provider.BANK) {
                throw ApiException.unprocessable("Account '" + code + "' is a " + a.provider.code()
                        + " account; a bank reconciliation statement is drawn up for a bank account",
                        List.of(ProblemError.field("account", "is not a bank account")));
            }
        });
    }

    private static ApiException noBankBalance(Account account, LocalDate date) {
        return ApiException.unprocessable("No statement of account '" + account.code + "' in " + account.currency
                + " reports a closing balance on or before " + date
                + "; import the bank's statement of that period first",
                List.of(ProblemError.field("date", "no bank statement reports a balance on or before it")));
    }

    private static BankReconciliationView view(Account account, LocalDate date, BalanceRepository.Reported reported,
            Optional<LocalDate> first, LedgerViews.Unreconciled items, BigInteger journal, Language language) {
        BankReconciliation r = new BankReconciliation(journal,
                BigInteger.valueOf(items.bankReceivedNotBooked().totalMinor()),
                BigInteger.valueOf(items.bankPaidNotBooked().totalMinor()), BigInteger.valueOf(reported.closingMinor()),
                BigInteger.valueOf(items.bookedReceivedNotInBank().totalMinor()),
                BigInteger.valueOf(items.bookedPaidNotInBank().totalMinor()));
        String ccy = account.currency;
        BankReconciliationView.Side journalSide = new BankReconciliationView.Side(
                ReportLabels.of("journalSide", language),
                amount("journalBalance", r.journalBalance(), ccy, language),
                group("bankReceivedNotBooked", items.bankReceivedNotBooked(), ccy, language),
                group("bankPaidNotBooked", items.bankPaidNotBooked(), ccy, language),
                amount("adjustedBalance", r.adjustedJournal(), ccy, language));
        BankReconciliationView.Side bankSide = new BankReconciliationView.Side(ReportLabels.of("bankSide", language),
                amount("bankBalance", r.bankBalance(), ccy, language),
                group("bookedReceivedNotInBank", items.bookedReceivedNotInBank(), ccy, language),
                group("bookedPaidNotInBank", items.bookedPaidNotInBank(), ccy, language),
                amount("adjustedBalance", r.adjustedBank(), ccy, language));
        return new BankReconciliationView(REPORT, ReportLabels.of(REPORT, language), language.tag, account.code,
                account.name, ccy, date, reported.asOf(), first.orElse(null), journalSide, bankSide,
                amount("unexplainedDifference", r.unexplainedDifference(), ccy, language), r.balanced());
    }

    private static BankReconciliationView.Amount amount(String key, BigInteger minor, String currency,
            Language language) {
        return new BankReconciliationView.Amount(ReportLabels.of(key, language), decimal(minor, currency), minor);
    }

    private static BankReconciliationView.Group group(String key, LedgerViews.OpenGroup g, String currency,
            Language language) {
        List<BankReconciliationView.Item> items = g.items().stream()
                .map(i -> new BankReconciliationView.Item(i.type(), i.id(), i.date(),
                        decimal(BigInteger.valueOf(i.amountMinor()), currency), i.amountMinor(), i.counterparty(),
                        i.reference(), i.memo(), i.exceptionId()))
                .toList();
        return new BankReconciliationView.Group(key, ReportLabels.of(key, language), g.count(),
                decimal(BigInteger.valueOf(g.totalMinor()), currency), g.totalMinor(), items);
    }

    private static String decimal(BigInteger minor, String currency) {
        return new BigDecimal(minor, RowFormat.decimals(currency)).toPlainString();
    }
}
