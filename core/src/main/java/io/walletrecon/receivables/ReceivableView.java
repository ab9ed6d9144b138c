package io.walletrecon.receivables;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.walletrecon.money.Money;

import java.time.LocalDate;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceivableView(long id, String company, long customerId, String reference, String amount,
        long amountMinor, long paidMinor,
        String currency, LocalDate issueDate, LocalDate dueDate, String collectionCode, String status) {

    static ReceivableView of(Receivable r, String company) {
        return new ReceivableView(r.id, company, r.customerId, r.reference,
                Money.ofMinor(r.amountMinor, r.currency).toDecimalString(),
                r.amountMinor, r.paidMinor, r.currency, r.issueDate, r.dueDate, r.collectionCode, r.status);
    }
}
