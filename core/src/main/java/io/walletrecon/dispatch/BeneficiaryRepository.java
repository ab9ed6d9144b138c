package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A company's beneficiaries (one row per wallet identity or bank account), in the caller's session and transaction. */
@ApplicationScoped
public class BeneficiaryRepository extends SessionSqlRepository {

    static final String INSERT = """
            insert into beneficiaries (company_id, kind, beneficiary_key, name, masked, account_ciphertext, bank_code)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (company_id, kind, beneficiary_key) do nothing returning id""";

    static final String FIND = "select id from beneficiaries where company_id = ?1 and kind = ?2 and beneficiary_key = ?3";

    /** A beneficiary's row, and whether this call created it (the company's first payment to it). */
    record Registered(long id, boolean isNew) {
    }

    /** The company's beneficiary of that kind and key, created with these details when it has none. */
    Uni<Registered> register(long companyId, String kind, String key, String name, String masked,
            byte[] accountCiphertext, String bankCode) {
        return nativeFirst(INSERT, Long.class, companyId, kind, key, name, masked, accountCiphertext, bankCode)
                .chain(id -> id != null
                        ? Uni.createFrom().item(new Registered(id, true))
                        : nativeFirst(FIND, Long.class, companyId, kind, key)
                                .map(existing -> new Registered(existing, false)));
    }
}
