package io.walletrecon.reports;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.walletrecon.testing.FakeS3;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestJwt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With walletrecon.storage.kind=s3 an export is put in the bucket under exports/ and downloaded from a pre-signed link.
 */
@QuarkusTest
@TestProfile(ExportToS3Test.S3Storage.class)
class ExportToS3Test {

    public static class S3Storage implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeS3.class));
        }
    }

    static final String FINANCE = TestJwt.bearer("fiona", "finance");

    @Test
    void csvExportIsPutInTheBucketAndTheFileEndpointRedirectsToAPresignedLink() throws Exception {
        long a = ReportFixtures.account("exs3", "bank", "CNY", "Asia/Shanghai");
        String account = ReportFixtures.code(a);
        TestDb.update(
                "insert into recon_exceptions (account_id, type, status, currency, expected_minor, actual_minor, difference_minor, "
                        + "business_date, dedupe_key) select ?, 'missing_in_provider', 'open', 'CNY', g * 100, null, null, date '2026-02-01' + (g % 10), "
                        + "'exs3-' || ? || '-' || g from generate_series(1, 30) g",
                a, a);
        WireMock s3 = FakeS3.client();
        s3.register(put(urlPathMatching("/" + FakeS3.BUCKET + "/exports/.*"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"e\"")));

        String id = given().header("Authorization", FINANCE).queryParam("format", "csv").queryParam("account", account)
                .queryParam("from", "2026-02-01").queryParam("to", "2026-02-28")
                .when().post("/reports/differences/exports").then().statusCode(202).extract().path("id");
        JsonPath job = awaitDone(id);
        assertEquals("succeeded", job.getString("state"), job.prettify());
        assertEquals(30, job.getLong("rowsWritten"));
        assertEquals(id + ".csv", ReportRecords.exportStorageKey(id));

        String objectPath = "/" + FakeS3.BUCKET + "/exports/" + id + ".csv";
        List<LoggedRequest> puts = s3.find(putRequestedFor(urlPathEqualTo(objectPath)));
        assertEquals(1, puts.size());
        byte[] file = FakeS3.uploadedBytes(puts.get(0));
        assertEquals(job.getLong("bytes"), file.length);
        assertEquals("text/csv", puts.get(0).getHeader("Content-Type").split(";")[0]);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(file, 3, file.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertEquals(30, rows.size());
        assertEquals(100L * 30 * 31 / 2,
                rows.stream().mapToLong(r -> Math.round(Double.parseDouble(r.get("expected")) * 100)).sum());

        String location = given().header("Authorization", FINANCE).redirects().follow(false)
                .when().get("/reports/exports/" + id + "/file").then().statusCode(303).extract().header("Location");
        URI link = URI.create(location);
        assertEquals(objectPath, link.getPath());
        String query = URLDecoder.decode(link.getRawQuery(), StandardCharsets.UTF_8);
        assertTrue(query.contains("X-Amz-Expires=900"), query);
        assertTrue(query.contains("X-Amz-Credential=" + FakeS3.ACCESS_KEY_ID + "/"), query);
        assertTrue(query.matches(".*X-Amz-Signature=[0-9a-f]{64}.*"), query);
    }

    private JsonPath awaitDone(String id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonPath job = given().header("Authorization", FINANCE).when().get("/reports/exports/" + id)
                    .then().statusCode(200).extract().jsonPath();
            if (!List.of("queued", "running").contains(job.getString("state"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("export " + id + " did not finish");
    }
}
