package io.walletrecon.reports.payouts;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.walletrecon.accounts.AccountService;
import io.walletrecon.console.Language;
import io.walletrecon.data.Account;
import io.walletrecon.data.Paging;
import io.walletrecon.data.Provider;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import io.walletrecon.reports.ReportLabels;
import io.walletrecon.reports.RowFormat;
import io.walletrecon.reports.payouts.PayoutRepository.ItemRow;
import io.walletrecon.reports.payouts.PayoutRepository.PayoutRow;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The payout and settlement breakdown of a wallet account: per payout (Stripe payout, Alipay 提现, WeChat Pay 结算)
 * gross, fees, refunds, disputes, adjustments and net ({@link PayoutBreakdown}), what it contains
 * ({@link PayoutRepository}) and the bank line it arrived as ({@link PayoutArrival}).
 */
@ApplicationScoped
public class PayoutService {

    static final String REPORT = "payouts";
    static final String ONE_REPORT = "payout";
    /** The payouts of a period written to one file at most (a period narrows it). */
    static final int FILE_MAX = 100_000;

    private final AccountService accounts;
    private final PayoutRepository repository;
    private final Paging paging;

    public PayoutService(AccountService accounts, PayoutRepository repository, Paging paging) {
        this.accounts = accounts;
        this.repository = repository;
        this.paging = paging;
    }

    /** A page of the payouts of {@code accountCode} valued from {@code from} to {@code to}, by date. */
    @WithSession
    public Uni<PayoutView.Page> list(String accountCode, LocalDate from, LocalDate to, int page, Integer size,
            Language language) {
        int pageSize = paging.size(size);
        List<ProblemError> errors = new ArrayList<>();
        requireAccount(accountCode, errors);
        if (from == null) {
            errors.add(ProblemError.field("from", "is required (yyyy-MM-dd): the first day payouts are valued on"));
        }
        if (to == null) {
            errors.add(ProblemError.field("to", "is required (yyyy-MM-dd): the last day payouts are valued on"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(ProblemError.field("to", "is before from"));
        }
        paging.check(page, pageSize, errors);
        Validation.refuseIfAny(errors);
        return page(accountCode, from, to, page, pageSize, language);
    }

    /** Every payout of the period (at most {@link #FILE_MAX}), for a file. */
    @WithSession
    public Uni<PayoutView.Page> all(String accountCode, LocalDate from, LocalDate to, Language language) {
        List<ProblemError> errors = new ArrayList<>();
        requireAccount(accountCode, errors);
        if (from == null || to == null || to.isBefore(from)) {
            errors.add(ProblemError.field(from == null ? "from" : "to",
                    "from and to are required (yyyy-MM-dd), to not before from"));
        }
        Validation.refuseIfAny(errors);
        return page(accountCode, from, to, 0, FILE_MAX, language);
    }

    /** The payout {@code id} (the provider's payout id) of {@code accountCode}, with every item it contains. */
    @WithSession
    public Uni<PayoutView> one(String accountCode, String id, Language language) {
        List<ProblemError> errors = new ArrayList<>();
        requireAccount(accountCode, errors);
        Validation.refuseIfAny(errors);
        return walletAccount(accountCode).chain(account -> repository.one(account.id, id).chain(row -> {
            if (row == null) {
                return Uni.createFrom().failure(ApiException.notFound("Account '" + accountCode
                        + "' has no payout or withdrawal '" + id + "'"));
            }
            return repository.items(account.id, id).map(items -> view(account, row, items, language));
        }));
    }

    private Uni<PayoutView.Page> page(String accountCode, LocalDate from, LocalDate to, int page, int size,
            Language language) {
        return walletAccount(accountCode)
                .chain(account -> repository.countInPeriod(account.id, from, to)
                        .chain(total -> repository.inPeriod(account.id, from, to, size, Paging.offset(page, size))
                                .map(rows -> new PayoutView.Page(REPORT, ReportLabels.of(REPORT, language),
                                        language.tag, account.code, account.name, from, to, page, size, total,
                                        rows.stream().map(r -> view(account, r, null, language)).toList()))));
    }

    private static void requireAccount(String accountCode, List<ProblemError> errors) {
        if (accountCode == null || accountCode.isBlank()) {
            errors.add(ProblemError.field("account", "is required: the wallet account whose payouts to show"));
        }
    }

    private Uni<Account> walletAccount(String code) {
        return accounts.require(code).invoke(a -> {
            if (a.provider == Provider.BANK) {
                throw ApiException.unprocessable("Account '" + code + "' is a bank account; payouts are paid out of a "
                        + "wallet account (Stripe, Alipay, WeChat Pay, Standard Webhooks) into a bank account, so ask "
                        + "for the wallet's payouts",
                        List.of(ProblemError.field("account", "is a bank account")));
            }
        });
    }

    static PayoutView view(Account account, PayoutRow r, List<ItemRow> items, Language language) {
        String ccy = r.currency();
        PayoutBreakdown b = r.breakdown();
        PayoutArrival arrival = PayoutArrival.of(r.matchStatus(), r.exceptionType());
        PayoutView.BankLine line = r.bankLine() == null
                ? null
                : new PayoutView.BankLine(r.bankLine().lineId(), r.bankLine().account(), r.bankLine().date(),
                        r.bankLine().currency(), RowFormat.plain(r.bankLine().amountMinor(), r.bankLine().currency()),
                        r.bankLine().amountMinor(), r.bankLine().bankReference(), r.bankLine().remittanceInfo(),
                        r.bankLine().matchId(), r.bankLine().matchStatus(), r.bankLine().rule());
        PayoutView.Arrival a = new PayoutView.Arrival(arrival.code(), ReportLabels.of(arrival.code(), language),
                arrival.reasonKey() == null ? null : ReportLabels.of(arrival.reasonKey(), language), line,
                r.exceptionId());
        return new PayoutView(r.key(), r.payoutId(), r.itemType(), r.itemId(), account.code, r.valueDate(), ccy,
                figure("payoutAmount", BigInteger.valueOf(r.amountMinor()), ccy, language),
                figure("gross", b.gross(), ccy, language), figure("fees", b.fees(), ccy, language),
                figure("refunds", b.refunds(), ccy, language), figure("disputes", b.disputes(), ccy, language),
                figure("adjustments", b.adjustments(), ccy, language), figure("net", b.net(), ccy, language),
                figure("difference", b.difference(r.amountMinor()), ccy, language), r.items(), a,
                items == null ? null : items.stream().map(i -> item(i, ccy)).toList());
    }

    private static PayoutView.Item item(ItemRow i, String currency) {
        return new PayoutView.Item(i.source(), i.id(), i.valueDate(), i.kind(), i.component().code(),
                RowFormat.plain(i.signedMinor(), currency), i.signedMinor(), RowFormat.plain(i.feeMinor(), currency),
                i.feeMinor(), RowFormat.plain(i.refundWithoutRowMinor(), currency), i.refundWithoutRowMinor(),
                i.providerId(), i.reference(), i.description());
    }

    private static PayoutView.Figure figure(String key, BigInteger minor, String currency, Language language) {
        long m = minor.longValueExact();
        return new PayoutView.Figure(ReportLabels.of(key, language), RowFormat.plain(m, currency), m);
    }

    /** The file name of the payouts of a period, or of one payout, in {@code extension}. */
    static String fileName(PayoutView.Page page, String extension) {
        return REPORT + "_" + page.account() + "_" + page.from() + "_" + page.to() + "." + extension;
    }

    static String fileName(PayoutView payout, String extension) {
        return ONE_REPORT + "_" + payout.account() + "_" + payout.id().replaceAll("[^A-Za-z0-9_.-]", "_") + "."
                + extension;
    }
}
