package io.walletrecon.reports.statements;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of one report request as the caller sent them (query string or export job body).
 * {@code groupBy} is the fund-flow breakdown (account, channel, customer); {@code period} its time bucket
 * (day, week, month); {@code company} a company code that scopes the report (and that a named account or customer must
 * belong to).
 */
@RegisterForReflection
public record ReportQuery(String account, LocalDate from, LocalDate to, String groupBy, String period,
        Long customer, String currency, String company) {

    /** A query of no particular company. */
    public ReportQuery(String account, LocalDate from, LocalDate to, String groupBy, String period, Long customer,
            String currency) {
        this(account, from, to, groupBy, period, customer, currency, null);
    }

    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "account", account);
        put(m, "from", from);
        put(m, "to", to);
        put(m, "groupBy", groupBy);
        put(m, "period", period);
        put(m, "customer", customer);
        put(m, "currency", currency);
        put(m, "company", company);
        return m;
    }

    /** The inverse of {@link #asMap}: a query from its stored parameters (an export job's row). */
    public static ReportQuery fromMap(Map<String, String> m) {
        return new ReportQuery(m.get("account"), date(m.get("from")), date(m.get("to")), m.get("groupBy"),
                m.get("period"),
                m.get("customer") == null ? null : Long.valueOf(m.get("customer")), m.get("currency"),
                m.get("company"));
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static void put(Map<String, String> m, String key, Object value) {
        if (value != null) {
            m.put(key, value.toString());
        }
    }
}
