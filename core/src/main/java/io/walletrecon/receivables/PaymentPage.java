package io.walletrecon.receivables;

import io.quarkus.qute.TemplateData;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a customer's payment page shows: who asks to be paid, the code to write in the payment note, the QR of the
 * payment link, each receivable still open with what is left of it, and the total due per currency.
 *
 * @param paymentLink the link the QR encodes (walletrecon.collection.link-template)
 * @param qrSvg the QR image as inline SVG
 */
@TemplateData
public record PaymentPage(String company, String customer, String code, String paymentLink, String qrSvg,
        List<Due> lines,
        List<Total> totals) {

    /** One receivable still owed: what is left of it (amount less what was paid), in minor units of its currency. */
    @TemplateData
    public record Due(String reference, String currency, long amountMinor, long outstandingMinor, LocalDate dueDate) {
    }

    /** The sum of what is owed in one currency. */
    @TemplateData
    public record Total(String currency, long outstandingMinor) {
    }

    static PaymentPage of(String company, String customer, String code, String paymentLink, String qrSvg,
            List<Receivable> owed) {
        List<Due> lines = owed.stream()
                .map(r -> new Due(r.reference, r.currency, r.amountMinor, r.amountMinor - r.paidMinor, r.dueDate))
                .filter(d -> d.outstandingMinor() > 0)
                .toList();
        Map<String, Long> sums = new TreeMap<>();
        lines.forEach(d -> sums.merge(d.currency(), d.outstandingMinor(), Math::addExact));
        return new PaymentPage(company, customer, code, paymentLink, qrSvg, lines,
                sums.entrySet().stream().map(e -> new Total(e.getKey(), e.getValue())).toList());
    }
}
