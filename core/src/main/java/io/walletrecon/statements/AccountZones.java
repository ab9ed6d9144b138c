package io.walletrecon.statements;

import java.time.ZoneId;

/**
 * The business time zone of the account a statement belongs to (accounts.time_zone). A time without an offset is a
 * time in that zone; a time with an offset or in UTC becomes a date there. A file routed by the account numbers it
 * names may hold statements of accounts in different zones, so parsers ask per statement, with the number it names.
 */
@FunctionalInterface
public interface AccountZones {

    /** The zone of the account that {@code accountInFile} names; null or unknown: the uploaded account's zone. */
    ZoneId of(String accountInFile);

    /** Every statement in one zone (a file uploaded to one account). */
    static AccountZones fixed(ZoneId zone) {
        return accountInFile -> zone;
    }
}
