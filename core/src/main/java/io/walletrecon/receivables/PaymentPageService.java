package io.walletrecon.receivables;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.walletrecon.customers.CollectionCodeService;
import io.walletrecon.customers.CustomerRepository;
import io.walletrecon.customers.PaymentPageLinks;
import io.walletrecon.problem.ApiException;
import io.walletrecon.reports.ReportsConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * What a customer's payment page shows (the link is the credential, see {@link PaymentPageLinks}): who asks to be
 * paid, the code, the QR of the payment link, and what is still owed on the code's receivables.
 */
@ApplicationScoped
public class PaymentPageService {

    private final PaymentPageLinks links;
    private final ReportsConfig reports;
    private final CollectionCodeService codes;
    private final CustomerRepository customers;
    private final ReceivableRepository receivables;

    public PaymentPageService(PaymentPageLinks links, ReportsConfig reports, CollectionCodeService codes,
            CustomerRepository customers,
            ReceivableRepository receivables) {
        this.links = links;
        this.reports = reports;
        this.codes = codes;
        this.customers = customers;
        this.receivables = receivables;
    }

    /** The page of {@code token}: 403 for a link we did not sign, 404 for a code no longer issued. */
    @WithSession
    public Uni<PaymentPage> page(String token) {
        return Uni.createFrom().item(() -> links.verify(token))
                .chain(code -> codes.owner(code))
                .map(owner -> owner
                        .orElseThrow(() -> ApiException.notFound("This collection code is no longer in use")))
                .chain(owner -> customers.findById(owner.customerId())
                        .chain(customer -> owed(owner)
                                .map(open -> PaymentPage.of(reports.companyName(), customer.name, owner.code(),
                                        codes.link(owner.code()), codes.svg(codes.link(owner.code())), open))));
    }

    /** A customer's code: every receivable of theirs still open; a receivable's code: that one. */
    private Uni<List<Receivable>> owed(CollectionCodeService.CodeOwner owner) {
        return owner.receivableId() == null
                ? receivables.outstandingOfCustomer(owner.customerId())
                : receivables.outstanding(owner.receivableId()).map(r -> r.map(List::of).orElse(List.of()));
    }
}
