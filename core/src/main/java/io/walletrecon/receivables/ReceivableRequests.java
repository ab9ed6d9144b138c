package io.walletrecon.receivables;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public final class ReceivableRequests {

    private ReceivableRequests() {
    }

    /**
     * {@code amount} is a decimal string in the currency's major unit ("88.88" CNY, "1000" JPY). A receivable belongs
     * to its customer's company: {@code company}, when given, must name it (a check against posting to the wrong one).
     */
    @RegisterForReflection
    public record Create(@Size(max = 63) String company,
            @NotNull Long customerId,
            @NotBlank @Size(max = 100) String reference,
            @NotBlank String amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency,
            @NotNull LocalDate issueDate,
            @NotNull LocalDate dueDate,
            boolean issueCollectionCode) {
    }
}
