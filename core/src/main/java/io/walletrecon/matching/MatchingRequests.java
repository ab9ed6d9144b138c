package io.walletrecon.matching;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Request bodies of the matching API. */
public final class MatchingRequests {

    private MatchingRequests() {
    }

    /** A run for one account over business dates {@code from}..{@code to} (inclusive). */
    @RegisterForReflection
    public record StartRun(@NotBlank String account, @NotNull LocalDate from, @NotNull LocalDate to) {
    }

    /**
     * Per-account rule configuration; a field left out takes its default. {@code fxRates}: reference rates by pair
     * {@code "USD/EUR"} (units of the second currency per unit of the first), numbers or decimal strings.
     * {@code notDebitedAfterBusinessDays}: business days a submitted bank-file order waits for its debit;
     * {@code bankHolidays}: the account's bank holidays (dates), which are not business days.
     */
    @RegisterForReflection
    public record Config(Long toleranceMinor, Integer toleranceBps, Integer dateWindowDays, List<String> rules,
            Integer settlementAfterDays, String dayEndTime, String settlementAccount, Integer graceDays,
            Integer fxToleranceBps, Map<String, BigDecimal> fxRates, Integer notDebitedAfterBusinessDays,
            List<LocalDate> bankHolidays) {
    }

    @RegisterForReflection
    public record Item(@NotBlank String side, @NotBlank String type, @NotNull Long id, Long amountMinor) {
    }

    /** A match made by hand: any number of items on each side, and why. */
    @RegisterForReflection
    public record ManualMatch(@NotBlank String account, @NotBlank String kind, @NotEmpty List<@Valid Item> items,
            @NotBlank @Size(max = 2000) String reason) {
    }

    /** A receivable a claimed receipt pays, and how much of it. */
    @RegisterForReflection
    public record ClaimedReceivable(@NotNull Long receivableId, @NotNull Long amountMinor) {
    }

    /**
     * An unidentified receipt attributed by a person: whose it is, optionally which receivables it pays, and why.
     */
    @RegisterForReflection
    public record Claim(@NotNull Long customerId, List<@Valid @NotNull ClaimedReceivable> receivables,
            @NotBlank @Size(max = 2000) String reason) {
    }

    @RegisterForReflection
    public record Decision(@Size(max = 2000) String reason) {
    }

    @RegisterForReflection
    public record Annotation(@NotBlank @Size(max = 10000) String body) {
    }

    @RegisterForReflection
    public record Resolve(@NotBlank String status, @Size(max = 2000) String reason, @Size(max = 200) String assignee) {
    }
}
