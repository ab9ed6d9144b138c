package io.walletrecon.reports;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One column of a report table. A MONEY column holds minor units and names the TEXT column that carries its
 * currency, so that every format can print it with that currency's decimals.
 */
@RegisterForReflection
public record Column(String name, Kind kind, String currencyColumn) {

    public enum Kind {
        TEXT, DATE, INTEGER, MONEY, TIMESTAMP
    }

    public static Column text(String name) {
        return new Column(name, Kind.TEXT, null);
    }

    public static Column date(String name) {
        return new Column(name, Kind.DATE, null);
    }

    public static Column integer(String name) {
        return new Column(name, Kind.INTEGER, null);
    }

    public static Column timestamp(String name) {
        return new Column(name, Kind.TIMESTAMP, null);
    }

    /** Money in the currency named by the column {@code currency}. */
    public static Column money(String name) {
        return new Column(name, Kind.MONEY, "currency");
    }
}
