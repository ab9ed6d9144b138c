package io.walletrecon.reports;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200,000 exceptions streamed as CSV. Proof that the application streams with back-pressure instead of buffering:
 * while the client has read only the first 256 KB and pauses, the server still holds the database cursor open
 * (its connection is idle in transaction on the report query). Had it read all rows first, into the heap or into
 * the response, the cursor would be closed by then.
 */
@QuarkusTest
class LargeCsvStreamingTest {

    static final int ROWS = 200_000;

    @TestHTTPResource("/reports/differences")
    URL url;

    private static long plant(int rows) {
        long account = ReportFixtures.account("big", "bank", "CNY", "Asia/Shanghai");
        TestDb.update(
                "insert into recon_exceptions (account_id, type, status, currency, expected_minor, actual_minor, difference_minor, "
                        + "business_date, dedupe_key, assignee) select ?, 'amount_mismatch', 'open', 'CNY', 10000 + g, 10000, -g, "
                        + "date '2026-01-01' + (g % 28), 'big-' || ? || '-' || g, 'assignee ' || (g % 7) from generate_series(1, ?) g",
                account, account, rows);
        return account;
    }

    private HttpURLConnection open(long account) throws Exception {
        URL query = new URL(url + "?account=" + ReportFixtures.code(account) + "&from=2026-01-01&to=2026-01-31");
        HttpURLConnection conn = (HttpURLConnection) query.openConnection();
        conn.setRequestProperty("Authorization", TestJwt.bearer("fiona", "finance"));
        conn.setRequestProperty("Accept", "text/csv");
        return conn;
    }

    private static long idleCursors() {
        return TestDb.countAsApplication("select count(*) from pg_stat_activity where datname = current_database() "
                + "and state = 'idle in transaction' and query like '%from recon_exceptions e join accounts a%'");
    }

    @Test
    void aClientThatGoesAwayReleasesTheCursor() throws Exception {
        long account = plant(100_000);
        HttpURLConnection conn = open(account);
        assertEquals(200, conn.getResponseCode());
        InputStream in = conn.getInputStream();
        assertEquals(64 * 1024, in.readNBytes(64 * 1024).length);
        conn.disconnect();
        long open = 1;
        for (int i = 0; i < 100 && open > 0; i++) {
            Thread.sleep(100);
            open = TestDb.countAsApplication("select count(*) from pg_stat_activity where datname = current_database() "
                    + "and state = 'idle in transaction' and query like '%from recon_exceptions e join accounts a%'");
        }
        assertEquals(0, open, "the cursor's connection must go back to the pool when the client disconnects");
    }

    @Test
    void twoHundredThousandRowsStreamFromAnOpenCursor() throws Exception {
        long account = plant(ROWS);

        HttpURLConnection conn = open(account);
        assertEquals(200, conn.getResponseCode());
        assertNull(conn.getHeaderField("Content-Length"), "a streamed response has no length up front");
        assertEquals("chunked", conn.getHeaderField("Transfer-Encoding"));

        try (InputStream in = conn.getInputStream()) {
            byte[] first = in.readNBytes(256 * 1024);
            assertEquals(256 * 1024, first.length);
            // The server fetches until the socket's buffers are full, then its cursor waits, idle in transaction; on a loaded
            // machine filling them may take longer than the pause, so look again for up to 10 s, and once more a second later.
            Thread.sleep(1500);
            long cursorsOpen = 0;
            for (int i = 0; i < 100 && cursorsOpen == 0; i++) {
                cursorsOpen = idleCursors();
                Thread.sleep(100);
            }
            assertTrue(cursorsOpen >= 1, "the report cursor should still be open while the client is not reading");
            Thread.sleep(1000);
            assertTrue(idleCursors() >= 1, "and stays open, waiting for the client");

            BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(first), in),
                    StandardCharsets.UTF_8), 1 << 16);
            long lines = 0;
            String firstLine = reader.readLine();
            assertTrue(firstLine.startsWith("\uFEFFid,account,businessDate"));
            String last = null;
            for (String line; (line = reader.readLine()) != null;) {
                lines++;
                last = line;
            }
            assertEquals(ROWS, lines);
            assertTrue(last.contains(",2026-01-28,amount_mismatch,open,CNY,"), last);
        }
        long after = TestDb
                .countAsApplication("select count(*) from pg_stat_activity where datname = current_database() "
                        + "and state = 'idle in transaction' and query like '%from recon_exceptions e join accounts a%'");
        assertEquals(0, after, "the cursor's transaction ends with the stream");
    }
}
