package io.walletrecon.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.walletrecon.dispatch.DispatchFixtures.stripeAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ConcurrentDispatchTest {

    @Inject
    DispatchService dispatch;

    @Test
    void twoDispatchersAtOnceSendEachOfAThousandDuePaymentsExactlyOnce() throws Exception {
        String account = stripeAccount("SEK", 10_000_000_000L);
        String prefix = TestData.unique("conc");
        plant(account, prefix, 1000);
        List<Long> ids = TestDb.<String>scalar(
                "select string_agg(p.id::text, ',') from payment_orders p where p.reference like ?",
                prefix + "-%") == null
                        ? List.of()
                        : java.util.Arrays.stream(TestDb.<String>scalar(
                                "select string_agg(p.id::text, ',') from payment_orders p where p.reference like ?",
                                prefix + "-%").split(",")).map(Long::valueOf).toList();
        assertEquals(1000, ids.size());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<Integer> dispatcher = () -> {
            int sent = 0;
            for (int i = 0; i < 200; i++) {
                DispatchService.DispatchRun run = ReactiveBridge.await(dispatch::dispatchDue);
                sent += run.sent();
                if (TestDb.count(
                        "select count(*) from dispatch_jobs j join payment_orders p on p.id = j.payment_id where p.reference like ? and j.status <> 'done'",
                        prefix + "-%") == 0) {
                    return sent;
                }
            }
            return sent;
        };
        List<Future<Integer>> both = new ArrayList<>();
        both.add(pool.submit(dispatcher));
        both.add(pool.submit(dispatcher));
        int a = both.get(0).get(120, TimeUnit.SECONDS);
        int b = both.get(1).get(120, TimeUnit.SECONDS);
        pool.shutdown();

        Map<String, Long> byKey = ProviderStub.sendsByKey("/v1/payouts");
        List<String> keys = java.util.Arrays.asList(TestDb
                .<String>scalar("select string_agg(idempotency_key, ',') from payment_orders where reference like ?",
                        prefix + "-%")
                .split(","));
        Map<String, Long> mine = keys.stream().collect(Collectors.toMap(k -> k, k -> byKey.getOrDefault(k, 0L)));
        assertEquals(1000, mine.size());
        assertEquals(Map.of(), mine.entrySet().stream().filter(e -> e.getValue() != 1L)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "keys not sent exactly once");
        assertEquals(1000,
                TestDb.count("select count(*) from payment_orders where reference like ? and state = 'submitted'"
                        + " and provider_payment_id = 'po_' || idempotency_key", prefix + "-%"));
        assertEquals(1000,
                TestDb.count("select count(*) from payment_attempts a join payment_orders p on p.id = a.payment_id"
                        + " where p.reference like ? and a.outcome = 'accepted'", prefix + "-%"));
        assertEquals(true, a + b >= 1000, "sent " + a + " + " + b);
    }

    /** 1,000 approved, scheduled payouts with their outbox jobs, planted set-based as the approval flow leaves them. */
    static void plant(String account, String prefix, int n) {
        TestDb.update(
                """
                        with b as (insert into beneficiaries (company_id, kind, beneficiary_key, name, masked)
                                   select (select company_id from accounts where code = ?), 'wallet', ? || '-ba-' || g, 'Merchant ' || g, ? || '-ba-' || g from generate_series(1, ?) g returning id, name),
                        p as (insert into payment_orders (type, account_id, beneficiary_id, beneficiary_name, amount_minor, currency, reference, execute_on, due_at,
                                                          state, channel, created_by, idempotency_key)
                              select 'payout', a.id, b.id, b.name, 100 + (b.id % 900), 'SEK', ? || '-' || b.id, current_date, now(), 'scheduled', 'stripe',
                                     'planter', a.code || '/' || gen_random_uuid()
                              from b, accounts a where a.code = ? returning id)
                        insert into dispatch_jobs (payment_id, channel, status, due_at) select id, 'stripe', 'pending', now() from p
                        """,
                account, prefix, prefix, n, prefix, account);
    }
}
