package io.walletrecon.companies;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of {@code /companies}. */
public final class CompanyRequests {

    static final String CODE = "[a-z0-9][a-z0-9-]{1,62}";
    static final String CODE_MESSAGE = "must be 2-63 lower-case letters, digits or dashes, starting with a letter or digit";
    static final String COUNTRY = "[A-Z]{2}";
    static final String COUNTRY_MESSAGE = "must be an ISO 3166-1 alpha-2 country code such as CN or DE";

    private CompanyRequests() {
    }

    @RegisterForReflection
    public record Create(@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 300) String legalName,
            @NotNull @Pattern(regexp = COUNTRY, message = COUNTRY_MESSAGE) String country,
            @NotBlank String timeZone) {
    }

    /** Fields left out (null) stay as they are; the code is fixed. */
    @RegisterForReflection
    public record Update(@Size(min = 1, max = 200) String name,
            @Size(min = 1, max = 300) String legalName,
            @Pattern(regexp = COUNTRY, message = COUNTRY_MESSAGE) String country,
            String timeZone) {
    }
}
