package io.walletrecon.console;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateGlobal;
import io.walletrecon.data.PageView;
import io.walletrecon.dispatch.PaymentState;

import java.util.Arrays;
import java.util.List;

/**
 * What the pages' filters and pagers offer: the payment states, payment types and receivable statuses in the order a
 * person reads them (the sets they come from are {@code PaymentState}, {@code PaymentService.TYPES} and
 * {@code ReceivableService.STATUSES}; {@code ChoicesTest} keeps them equal), and whether a page of a list has a
 * neighbour.
 */
public final class Choices {

    static final List<String> PAYMENT_TYPES = List.of("payout", "refund", "supplier_payment");
    static final List<String> RECEIVABLE_STATUSES = List.of("open", "partially_paid", "paid", "written_off",
            "cancelled");

    private Choices() {
    }

    /** {@code {#for s in paymentStates}}: every state, in the order a payment lives them. */
    @TemplateGlobal
    public static List<String> paymentStates() {
        return Arrays.stream(PaymentState.values()).map(PaymentState::code).toList();
    }

    @TemplateGlobal
    public static List<String> paymentTypes() {
        return PAYMENT_TYPES;
    }

    @TemplateGlobal
    public static List<String> receivableStatuses() {
        return RECEIVABLE_STATUSES;
    }

    /** {@code {#if page.hasNext}}: a page after this one holds rows. */
    @TemplateExtension
    static boolean hasNext(PageView<?> page) {
        return (page.page() + 1L) * page.size() < page.total();
    }

    @TemplateExtension
    static int nextPage(PageView<?> page) {
        return page.page() + 1;
    }

    @TemplateExtension
    static int previousPage(PageView<?> page) {
        return Math.max(page.page() - 1, 0);
    }
}
