package io.walletrecon.console;

import io.walletrecon.reports.statements.ReportQuery;
import jakarta.ws.rs.QueryParam;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the reports page asks for: which report, of which account, customer and currency, over which period. Bound
 * from the query string, so a preview is a link that can be bookmarked, and the download and export links carry the
 * same parameters. Without dates the page proposes the previous calendar month.
 */
public class ReportForm {

    @QueryParam("report")
    public String report;
    @QueryParam("account")
    public String account;
    @QueryParam("from")
    public LocalDate from;
    @QueryParam("to")
    public LocalDate to;
    @QueryParam("customer")
    public Long customer;
    @QueryParam("currency")
    public String currency;

    /** Empty fields as absent, and the previous month when no period is given ({@code today} in UTC). */
    ReportForm completed(LocalDate today) {
        report = blankToNull(report);
        account = blankToNull(account);
        currency = blankToNull(currency);
        LocalDate firstOfThisMonth = today.withDayOfMonth(1);
        if (from == null) {
            from = firstOfThisMonth.minusMonths(1);
        }
        if (to == null) {
            to = firstOfThisMonth.minusDays(1);
        }
        return this;
    }

    ReportQuery query() {
        return new ReportQuery(account, from, to, null, null, customer, currency);
    }

    /** The form as a query string (without a leading {@code ?}), for the download and export links. */
    public String link() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("report", report);
        m.put("account", account);
        m.put("from", from);
        m.put("to", to);
        m.put("customer", customer);
        m.put("currency", currency);
        return m.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + Formats.urlEncoded(e.getValue().toString()))
                .collect(Collectors.joining("&"));
    }

    public String report() {
        return report;
    }

    public String account() {
        return account;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    public Long customer() {
        return customer;
    }

    public String currency() {
        return currency;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
