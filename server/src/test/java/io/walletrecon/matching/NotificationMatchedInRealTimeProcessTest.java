package io.walletrecon.matching;

import io.restassured.RestAssured;
import io.walletrecon.testing.PackagedServer;
import io.walletrecon.testing.ProviderNotifications;
import io.walletrecon.testing.TestCompanies;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real-time matching in the packaged server, configured as it ships: a signed Stripe notification of a payment that
 * names its invoice pays the invoice moments after it is acknowledged, without anyone or any schedule asking for a run
 * (the scheduler is off here). A burst of notifications is matched too, each payment once, by runs requested by
 * {@code real-time} alone. How fast is measured by bench/realtime.sh, not asserted here; the bound below only says
 * "not by the next scheduled tick".
 */
class NotificationMatchedInRealTimeProcessTest {

    private static final Duration WELL_BEFORE_THE_NEXT_TICK = Duration.ofSeconds(60);

    @Test
    void aNotifiedPaymentPaysItsInvoiceMomentsLaterWithoutAnyRunBeingRequested() throws Exception {
        TestCompanies.Company company = TestCompanies.create("realtime");
        long customer = TestDb.count("insert into customers (company_id, external_id, name) values (?, ?, ?) "
                + "returning id", company.id(), TestData.unique("c"), "实时贸易有限公司");
        String tag = TestData.unique("rt").replaceAll("[^A-Za-z0-9]", "").toUpperCase();

        try (PackagedServer server = PackagedServer.start(PackagedServer.freePort(), "real-time", Map.of())) {
            RestAssured.baseURI = server.baseUri();
            RestAssured.port = -1;
            var stripe = ProviderNotifications.Stripe.create(company.code(), "USD", "America/New_York");

            long first = receivable(customer, "INV-RT0-" + tag, 12_345);
            stripe.paymentSucceeded("pi_" + tag + "0", "ch_" + tag + "0", 12_345, "USD", "cus_" + tag,
                    "INV-RT0-" + tag, Instant.now()).statusCode(200);
            awaitPaid(List.of(first));

            List<Long> burst = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                String invoice = "INV-RT" + i + "-" + tag;
                burst.add(receivable(customer, invoice, 1_000L * i));
                stripe.paymentSucceeded("pi_" + tag + i, "ch_" + tag + i, 1_000L * i, "USD", "cus_" + tag, invoice,
                        Instant.now()).statusCode(200);
            }
            awaitPaid(burst);

            assertEquals(6, TestDb.count("select count(*) from match_items i join matches m on m.id = i.match_id "
                    + "join transactions t on t.id = i.item_id and i.item_type = 'transaction' "
                    + "join accounts a on a.id = t.account_id where a.code = ? and i.live "
                    + "and m.status = 'confirmed'", stripe.code()), "each payment matched once");
            assertEquals(0, TestDb.count("select count(*) from match_runs r join accounts a on a.id = r.account_id "
                    + "where a.code = ? and r.requested_by <> 'real-time'", stripe.code()), "no other run was asked");
            long runs = TestDb.count("select count(*) from match_runs r join accounts a on a.id = r.account_id "
                    + "where a.code = ? and r.state = 'succeeded'", stripe.code());
            assertTrue(runs >= 1 && runs <= 6, runs + " real-time runs for six notifications");
        } finally {
            RestAssured.reset();
        }
    }

    private static long receivable(long customer, String reference, long amountMinor) {
        return TestDb.count("insert into receivables (customer_id, reference, amount_minor, currency, issue_date, "
                + "due_date) values (?, ?, ?, 'USD', current_date, current_date + 30) returning id", customer,
                reference, amountMinor);
    }

    private static void awaitPaid(List<Long> receivables) throws InterruptedException {
        Instant deadline = Instant.now().plus(WELL_BEFORE_THE_NEXT_TICK);
        while (Instant.now().isBefore(deadline)) {
            long paid = TestDb.count("select count(*) from receivables where id = any(?) and status = 'paid'",
                    (Object) receivables.toArray(new Long[0]));
            if (paid == receivables.size()) {
                return;
            }
            Thread.sleep(50);
        }
        fail("receivables " + receivables + " were not paid within " + WELL_BEFORE_THE_NEXT_TICK
                + " of their notifications; see target/server-real-time.log");
    }
}
