package io.walletrecon.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of {@code /accounts}. Credentials are write-only: they are accepted here and never returned. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /**
     * {@code company}: the code of the company that holds the account (absent: the default company);
     * {@code timeZone}: absent takes the company's.
     */
    @RegisterForReflection
    public record Create(
            @Size(max = 63) String company,
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be 2-63 lower-case letters, digits or dashes, starting with a letter or digit") String code,
            @NotNull @Pattern(regexp = "stripe|standard|wechatpay|alipay|bank", message = "must be one of stripe, standard, wechatpay, alipay, bank") String provider,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency,
            @Size(min = 1, max = 64) String timeZone,
            @Size(max = 80) String accountNumber,
            JsonNode credentials) {
    }

    /**
     * Only what may change: the code, provider and currency of an account are fixed once money has moved.
     * {@code accountNumber}: the IBAN or bank account number its statements name ("" removes it).
     */
    @RegisterForReflection
    public record Update(@Size(min = 1, max = 200) String name, String timeZone, @Size(max = 80) String accountNumber,
            JsonNode credentials) {
    }
}
