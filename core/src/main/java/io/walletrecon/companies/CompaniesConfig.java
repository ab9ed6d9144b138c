package io.walletrecon.companies;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "walletrecon.companies")
public interface CompaniesConfig {

    /**
     * Code of the company a request belongs to when it names none (creating an account, customer or receivable,
     * reading or proposing a payment policy). The schema migration creates {@code default}; a deployment that
     * renamed its companies points this at one of them. Env WALLETRECON_COMPANIES_DEFAULT_COMPANY.
     */
    @WithName("default-company")
    @WithDefault("default")
    String defaultCompany();
}
