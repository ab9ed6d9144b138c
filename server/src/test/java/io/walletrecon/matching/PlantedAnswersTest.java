package io.walletrecon.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.TestDb;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The benchmark's generator at test size: every planted answer comes back, exactly, and nothing else. */
@QuarkusTest
class PlantedAnswersTest {

    static final int N = 3000;

    /** Runs bench/matching-plant.sql with its psql variables substituted, on one connection (it uses temp tables). */
    static void plant(Fixtures f, int n) throws Exception {
        String sql = Files.readString(Path.of("..", "bench", "matching-plant.sql"))
                .replace(":'p'", "'" + f.code + "'").replace(":'cur'", "'" + f.currency + "'")
                .replace(":'d0'", "'" + f.d0 + "'").replace(":acct", String.valueOf(f.account))
                .replace(":n", String.valueOf(n));
        try (Connection c = TestDb.connect(); Statement st = c.createStatement()) {
            for (String statement : sql.split(";\n")) {
                String body = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b)
                        .trim();
                if (!body.isEmpty()) {
                    st.execute(body);
                }
            }
        }
    }

    @Test
    void everyPlantedAnswerComesBackExactly() throws Exception {
        Fixtures f = Fixtures.wallet("wechatpay", "CNY");
        plant(f, N);

        JsonPath run = f.run(0, 29);

        assertEquals("succeeded", run.getString("state"));
        assertEquals(Map.of("reference", N * 90 / 100, "partial_payment", N * 2 / 100, "one_to_many", N / 100,
                "amount_date", N * 5 / 100), run.getMap("counts.matches"));
        assertEquals(Map.of("unmatched_receipt", N * 2 / 100, "unpaid_receivable", N / 100),
                run.getMap("counts.exceptions"));
        assertEquals((long) N, run.getLong("itemsTotal"), "the receipts: the workload compares no record with a bill");
        assertEquals((long) N, run.getLong("itemsProcessed"));
        assertEquals(N * 90 / 100 + N * 2 / 100 + N * 3 / 100 + N * 5 / 100, TestDb.count(
                "select count(*) from match_items i join matches m on m.id = i.match_id where m.account_id = ? and i.item_type = 'receivable'",
                f.account), "receivables claimed: reference, two partials each, three per group, suggestions");
        assertEquals(N * 90 / 100 + N / 100 + N * 3 / 100, TestDb.count(
                "select count(*) from receivables r join customers c on c.id = r.customer_id where c.external_id like ? and r.status = 'paid'",
                f.code + "-%"), "paid: reference, partial, one-to-many (suggestions pay nothing)");

        JsonPath again = f.run(0, 29);
        assertEquals(Map.of(), again.getMap("counts.matches"), "a rerun adds nothing");
        assertEquals(Map.of(), again.getMap("counts.exceptions"));
    }
}
