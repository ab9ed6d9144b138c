package io.walletrecon.dispatch;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Request bodies of the payment endpoints. */
public final class PaymentRequests {

    private PaymentRequests() {
    }

    /**
     * A payment order. {@code amount} is an exact decimal string ("88.88") or {@code amountMinor} integer minor
     * units; exactly one of them. {@code refundOf} is the provider's charge or payment intent a refund returns.
     */
    @RegisterForReflection
    public record Create(@NotBlank String type,
            @NotBlank String account,
            @NotNull @Valid Beneficiary beneficiary,
            String amount,
            Long amountMinor,
            @NotBlank String currency,
            @NotBlank @Size(max = 140) String reference,
            @Size(max = 255) String refundOf,
            LocalDate executeOn,
            @Valid Recurrence recurrence) {
    }

    /**
     * Either a wallet identity (Stripe bank account/card id for payouts, customer for refunds) or a bank account.
     * {@code bankCode} is a BIC, or for a bank in China its 12-digit CNAPS code (联行号); {@code accountName} is the
     * name the account is held in (户名), required with a CNAPS code, and what the bank file names the creditor by
     * (else {@code name}).
     */
    @RegisterForReflection
    public record Beneficiary(@NotBlank @Size(max = 140) String name,
            @Size(max = 255) String walletIdentity,
            @Size(max = 34) String bankAccount,
            @Size(max = 12) String bankCode,
            @Size(max = 140) String accountName) {
    }

    /** MONTHLY on dayOfMonth (1–28, so that every month has it) or WEEKLY on dayOfWeek (MONDAY…SUNDAY). */
    @RegisterForReflection
    public record Recurrence(@NotBlank String frequency, Integer dayOfMonth, String dayOfWeek, LocalDate until) {
    }

    @RegisterForReflection
    public record Decision(@Size(max = 1000) String comment) {
    }

    /** A proposed payment policy of one currency; {@code reason} says why (shown to the admin who decides). */
    @RegisterForReflection
    public record Policy(@NotNull Long autoLimitMinor, @NotNull Long dualLimitMinor, Long beneficiaryDailyAmountMinor,
            Integer beneficiaryDailyCount, Long largeAmountMinor, @Size(max = 1000) String reason) {
    }
}
