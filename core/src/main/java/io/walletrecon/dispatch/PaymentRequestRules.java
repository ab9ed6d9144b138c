package io.walletrecon.dispatch;

import io.walletrecon.data.Account;
import io.walletrecon.data.Provider;
import io.walletrecon.money.Money;
import io.walletrecon.money.MoneyFormatException;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a payment request must say before an order is made of it. Plain rules, no I/O: each refusal is a 400 or 422
 * problem.
 */
final class PaymentRequestRules {

    static final Set<String> TYPES = Set.of("refund", "payout", "supplier_payment");

    private PaymentRequestRules() {
    }

    /** What the order needs of a checked request: its amount, the channel that sends it, and the beneficiary's kind. */
    record Validated(Money amount, String channel, String beneficiaryKind) {
    }

    /** A caller's idempotency key: 1 to 255 characters. */
    static void checkKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw ApiException.invalid("An idempotency key of 1 to 255 characters is required with every new payment",
                    List.of(ProblemError.field("Idempotency-Key", "is required (1 to 255 characters)")));
        }
    }

    /** The request's fields, checked together: every problem at once, or what the order needs of them. */
    static Validated check(PaymentRequests.Create r) {
        List<ProblemError> errors = new ArrayList<>();
        if (!TYPES.contains(r.type())) {
            errors.add(ProblemError.field("type", "must be one of payout, refund, supplier_payment"));
        }
        Money amount = null;
        try {
            Money.currency(r.currency());
            if ((r.amount() == null) == (r.amountMinor() == null)) {
                errors.add(ProblemError.field("amount",
                        "give exactly one of amount (decimal string) or amountMinor (integer minor units)"));
            } else {
                amount = r.amount() != null
                        ? Money.parse(r.amount(), r.currency())
                        : Money.ofMinor(r.amountMinor(), r.currency());
                if (amount.minorUnits() <= 0) {
                    errors.add(ProblemError.field(r.amount() != null ? "amount" : "amountMinor", "must be positive"));
                }
            }
        } catch (MoneyFormatException e) {
            errors.add(ProblemError.field(
                    Money.isCurrency(r.currency()) ? (r.amount() != null ? "amount" : "amountMinor") : "currency",
                    e.getMessage()));
        }
        var b = r.beneficiary();
        String kind = null;
        if (b != null) {
            boolean wallet = b.walletIdentity() != null && !b.walletIdentity().isBlank();
            boolean bank = b.bankAccount() != null && !b.bankAccount().isBlank();
            if (wallet == bank) {
                errors.add(ProblemError.field("beneficiary", "give exactly one of walletIdentity or bankAccount"));
            } else {
                kind = wallet ? "wallet" : "bank_account";
                errors.addAll(bank
                        ? BankBeneficiaryRules.check(b, r.currency())
                        : BankBeneficiaryRules.checkBankCode(b.bankCode()));
            }
        }
        String channel = null;
        if ("supplier_payment".equals(r.type())) {
            channel = DispatchChannel.BANK_FILE.code();
            if ("wallet".equals(kind)) {
                errors.add(ProblemError.field("beneficiary", "a supplier payment goes to a bankAccount"));
            }
        } else if (TYPES.contains(r.type())) {
            channel = DispatchChannel.STRIPE.code();
            if ("bank_account".equals(kind)) {
                errors.add(ProblemError.field("beneficiary",
                        "a " + r.type() + " goes to a walletIdentity (Stripe destination or customer)"));
            }
            if ("refund".equals(r.type()) && (r.refundOf() == null || r.refundOf().isBlank())) {
                errors.add(ProblemError.field("refundOf",
                        "is required for a refund: the charge or payment intent to refund"));
            }
        }
        var rec = r.recurrence();
        if (rec != null) {
            switch (rec.frequency() == null ? "" : rec.frequency()) {
                case "MONTHLY" -> {
                    if (rec.dayOfMonth() == null || rec.dayOfMonth() < 1 || rec.dayOfMonth() > 28) {
                        errors.add(ProblemError.field("recurrence.dayOfMonth",
                                "must be 1 to 28 for a monthly recurrence"));
                    }
                }
                case "WEEKLY" -> {
                    try {
                        DayOfWeek.valueOf(String.valueOf(rec.dayOfWeek()));
                    } catch (IllegalArgumentException e) {
                        errors.add(ProblemError.field("recurrence.dayOfWeek",
                                "must be MONDAY to SUNDAY for a weekly recurrence"));
                    }
                }
                default -> errors.add(ProblemError.field("recurrence.frequency", "must be MONTHLY or WEEKLY"));
            }
        }
        Validation.refuseIfAny(errors);
        return new Validated(amount, channel, kind);
    }

    /** The paying account can send this order: its currency, and a dispatch adapter for the order's channel. */
    static void checkAccount(Account account, PaymentRequests.Create r, Validated v) {
        if (!account.currency.equals(v.amount().currencyCode())) {
            throw ApiException.invalid(
                    "Account " + account.code + " holds " + account.currency + ", not " + v.amount().currencyCode(),
                    List.of(ProblemError.field("currency", "must be the account's currency " + account.currency)));
        }
        Provider needed = DispatchChannel.of(v.channel()).provider();
        if (account.provider != needed) {
            throw ApiException.unprocessable(
                    "A " + r.type() + " is sent from a " + needed.name().toLowerCase(Locale.ROOT) + " account; "
                            + account.code + " is a " + account.provider.name().toLowerCase(Locale.ROOT)
                            + " account and has no dispatch adapter for it",
                    List.of(ProblemError.field("account",
                            "must be a " + needed.name().toLowerCase(Locale.ROOT) + " account")));
        }
    }

    /** The first execution date: today or later in the account's time zone. */
    static LocalDate firstExecution(Account account, LocalDate executeOn, ZoneId zone, LocalDate today) {
        LocalDate start = executeOn == null ? today : executeOn;
        if (start.isBefore(today)) {
            throw ApiException.invalid(
                    "executeOn " + start + " is in the past for account " + account.code + " (today is " + today
                            + " in " + zone + ")",
                    List.of(ProblemError.field("executeOn", "must be today or later")));
        }
        return start;
    }
}
