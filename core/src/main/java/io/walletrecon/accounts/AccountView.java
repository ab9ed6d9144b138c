package io.walletrecon.accounts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.walletrecon.data.Account;

import java.time.Instant;

/** An account as the API shows it: never its credentials, only whether they are configured. */
@RegisterForReflection
public record AccountView(String code, String company, String provider, String name, String currency, String timeZone,
        String accountNumber, boolean credentialsConfigured, Instant createdAt, Instant updatedAt) {

    public static AccountView of(Account a, String company) {
        return new AccountView(a.code, company, a.provider.code(), a.name, a.currency, a.timeZone, a.accountNumber,
                a.credentialsCiphertext != null, a.createdAt, a.updatedAt);
    }
}
