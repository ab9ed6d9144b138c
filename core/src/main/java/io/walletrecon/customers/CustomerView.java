package io.walletrecon.customers;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/**
 * A customer as the API shows it. In lists personal data is masked ({@code phone} "138****5678"); the detail
 * view of one customer carries it in clear for the finance team.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerView(long id, String company, String externalId, String name, String contactName, String phone,
        String email,
        String riskRating, String notes, String collectionCode, List<IdentityView> identities,
        Instant createdAt, Instant updatedAt) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IdentityView(long id, String kind, String masked, String bankCode, String holderName,
            Long learnedFromException, String source) {
        static IdentityView of(PayerIdentity p) {
            return new IdentityView(p.id, p.kind, p.masked, p.bankCode, p.holderName, p.learnedFromExceptionId,
                    p.learnedFromExceptionId == null ? null : "learned from claim " + p.learnedFromExceptionId);
        }
    }
}
