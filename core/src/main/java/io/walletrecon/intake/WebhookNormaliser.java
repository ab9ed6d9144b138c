package io.walletrecon.intake;

import io.walletrecon.data.Account;
import io.walletrecon.data.Provider;

/**
 * Turns the raw body of an authentic event into canonical transaction facts, or throws
 * {@link UnprocessableEventException} with a reason a person can act on (the event is then kept for replay).
 * Pure apart from reading the account's credentials, so that a replay gives the same answer as the first try.
 */
public interface WebhookNormaliser {

    Provider provider();

    Normalised normalise(Account account, byte[] body);
}
