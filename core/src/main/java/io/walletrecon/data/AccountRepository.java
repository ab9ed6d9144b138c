package io.walletrecon.data;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class AccountRepository implements PanacheRepository<Account> {

    private static final String BY_CODE = "code";
    private static final String OF_COMPANY = "companyId";
    private static final String BY_ACCOUNT_NUMBER = "accountNumber";

    public Uni<Account> findByCode(String code) {
        return find(BY_CODE, code).firstResult();
    }

    /** Every account by code, or those of one company when {@code companyId} is given. */
    public Uni<List<Account>> listByCode(Long companyId) {
        return companyId == null ? listAll(Sort.by("code")) : list(OF_COMPANY, Sort.by("code"), companyId);
    }

    /** The account whose statements name this (normalised) account number, or null. */
    public Uni<Account> findByAccountNumber(String number) {
        return find(BY_ACCOUNT_NUMBER, number).firstResult();
    }
}
