package io.walletrecon.companies;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/** A company as the API shows it; {@code isDefault}: requests that name no company belong to it. */
@RegisterForReflection
public record CompanyView(String code, String name, String legalName, String country, String timeZone,
        boolean isDefault,
        Instant createdAt, Instant updatedAt) {

    static CompanyView of(Company c, String defaultCode) {
        return new CompanyView(c.code, c.name, c.legalName, c.country, c.timeZone, c.code.equals(defaultCode),
                c.createdAt, c.updatedAt);
    }
}
