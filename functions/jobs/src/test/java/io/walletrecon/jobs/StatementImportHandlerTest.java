package io.walletrecon.jobs;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.walletrecon.statements.Samples;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An S3 ObjectCreated event posted to the Lambda mock event server, as AWS would deliver it. */
@QuarkusTest
@TestProfile(StatementImportHandlerTest.Profile.class)
class StatementImportHandlerTest {

    static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("walletrecon-objects");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "statement-import", "walletrecon.statements.object-root",
                    ROOT.toString());
        }
    }

    static Map<String, Object> event(String bucket, String key) {
        return Map.of("Records", List.of(Map.of("eventSource", "aws:s3", "eventName", "ObjectCreated:Put",
                "s3", Map.of("bucket", Map.of("name", bucket), "object", Map.of("key", key, "size", 540)))));
    }

    @Test
    void importsTheObjectThroughTheSameServiceAndAgainIsADuplicate() throws IOException {
        String account = TestData.unique("s3");
        TestDb.update(
                "insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), ?, 'bank', 'Bank', 'EUR', 'Europe/Berlin')",
                account);
        Path file = ROOT.resolve("stmts").resolve("statements").resolve(account).resolve("MT940 2026-03-03.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, Samples.bytes("mt940.txt"));
        String key = "statements/" + account + "/MT940+2026-03-03.txt";

        given().contentType("application/json").accept("application/json").body(event("stmts", key))
                .when().post()
                .then().statusCode(200)
                .body("status", contains("imported"))
                .body("inserted", contains(3));
        long accountId = TestDb.count("select id from accounts where code = ?", account);
        assertEquals(48450L,
                TestDb.count("select closing_balance_minor from statements where account_id = ?", accountId));
        assertEquals("s3:stmts", TestDb.scalar("select imported_by from statements where account_id = ?", accountId));
        assertEquals("MT940 2026-03-03.txt",
                TestDb.scalar("select file_name from statements where account_id = ?", accountId));

        given().contentType("application/json").accept("application/json").body(event("stmts", key))
                .when().post()
                .then().statusCode(200).body("status", contains("duplicate"));
        assertEquals(3L, TestDb.count("select count(*) from statement_lines where account_id = ?", accountId));
    }

    @Test
    void aFileThatDoesNotAddUpIsReportedAsRejectedNotRetried() throws IOException {
        String account = TestData.unique("s3");
        TestDb.update(
                "insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), ?, 'bank', 'Bank', 'EUR', 'Europe/Berlin')",
                account);
        Path file = ROOT.resolve("stmts").resolve(account).resolve("bad.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file,
                new String(Samples.bytes("mt940.txt")).replace(":62F:C260303EUR484,50", ":62F:C260303EUR1,00"));

        given().contentType("application/json").accept("application/json").body(event("stmts", account + "/bad.txt"))
                .when().post()
                .then().statusCode(200)
                .body("status", contains("rejected"))
                .body("detail[0]", equalTo(
                        "Line 15: the statement lines do not add up: opening plus lines is 484.50 but the closing balance is 1.00 (difference -483.50); nothing was imported"));
    }
}
