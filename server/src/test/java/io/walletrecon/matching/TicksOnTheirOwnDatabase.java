package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A start of the application of its own for the tests that tick the matching schedule. A tick acts on every account
 * the database holds, and {@code %test} cleans the schema at each start: under this profile the database holds only
 * the accounts of the classes that use it, so a tick runs their accounts and a few others, instead of matching again
 * everything the whole suite planted before them (minutes, and a time that grows with every test added). No
 * configuration differs from the default test profile.
 */
public class TicksOnTheirOwnDatabase implements QuarkusTestProfile {
}
