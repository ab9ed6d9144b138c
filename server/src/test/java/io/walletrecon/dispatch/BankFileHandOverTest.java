package io.walletrecon.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestDb;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static io.walletrecon.dispatch.DispatchFixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pain.001 file reaches the bank's directory once: under concurrency, after a crash, and when the bank already took
 * it.
 */
@QuarkusTest
class BankFileHandOverTest {

    @Inject
    DispatchService dispatch;
    @Inject
    BankFileService bankFiles;
    @Inject
    DispatchConfig config;

    /** A supplier payment dispatched into a file that is now in the directory; returns the file's id. */
    private long handedOverFile() {
        policy("EUR", 1_000_000_000, 2_000_000_000, null, null, null);
        String account = bankAccount("EUR", 100_000_000);
        long id = create(finance("bo"),
                BankFileTest.supplier(account, "12.34", "Acme Supplies GmbH", "DE89370400440532013000", null,
                        TestData.unique("HO"), LocalDate.now(ZoneId.of("Europe/Berlin"))));
        ReactiveBridge.await(dispatch::dispatchDue);
        long file = TestDb.count("select bank_file_id from payment_orders where id = ?", id);
        assertEquals("handed_over", fileState(file));
        return file;
    }

    private Path target(long file) {
        return Path.of(config.bankFile().directory())
                .resolve(TestDb.<String>scalar("select file_name from bank_files where id = ?", file));
    }

    private Path temp(long file) {
        return Path.of(config.bankFile().directory())
                .resolve("." + TestDb.<String>scalar("select file_name from bank_files where id = ?", file) + ".part");
    }

    private static String fileState(long file) {
        return TestDb.scalar("select state from bank_files where id = ?", file);
    }

    /** As a dispatcher that died in the middle of handing the file over leaves it, an hour ago. */
    private static void interrupted(long file) {
        TestDb.update(
                "update bank_files set state = 'handing_over', hand_over_started_at = now() - interval '1 hour', handed_over_at = null,"
                        + " handed_over_by = 'dead-dispatcher' where id = ?",
                file);
    }

    @Test
    void twoDispatchersHandingOverAtOnceWriteTheFileOnce() throws Exception {
        long file = handedOverFile();
        Path target = target(file);
        Files.delete(target);
        ReactiveBridge.await(() -> bankFiles.handOver("drain"));
        TestDb.update("update bank_files set state = 'built', handed_over_at = null where id = ?", file);

        CompletableFuture<Integer> a = CompletableFuture
                .supplyAsync(() -> ReactiveBridge.await(() -> bankFiles.handOver("one")));
        CompletableFuture<Integer> b = CompletableFuture
                .supplyAsync(() -> ReactiveBridge.await(() -> bankFiles.handOver("two")));

        assertEquals(1, a.get() + b.get());
        assertEquals("handed_over", fileState(file));
        assertEquals(TestDb.scalar("select content from bank_files where id = ?", file), Files.readString(target));
        assertFalse(Files.exists(temp(file)));
    }

    @Test
    void aHandOverInterruptedAfterPublishingIsRecordedNotWrittenAgain() throws Exception {
        long file = handedOverFile();
        Path target = target(file);
        FileTime written = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(target, written);
        interrupted(file);

        ReactiveBridge.await(() -> bankFiles.handOver("next"));

        assertEquals("handed_over", fileState(file));
        assertEquals(written, Files.getLastModifiedTime(target));
    }

    @Test
    void aHandOverInterruptedBeforeWritingWritesTheFile() throws Exception {
        long file = handedOverFile();
        Files.delete(target(file));
        interrupted(file);

        ReactiveBridge.await(() -> bankFiles.handOver("next"));

        assertEquals("handed_over", fileState(file));
        assertTrue(Files.exists(target(file)));
    }

    @Test
    void aFileTheBankMayAlreadyHaveTakenIsNotWrittenAgainUntilAPersonSaysSo() throws Exception {
        long file = handedOverFile();
        Path target = target(file);
        String content = Files.readString(target);
        // Published, then taken by the bank's connector; the dispatcher died before recording the hand-over.
        Files.writeString(temp(file), content, StandardCharsets.UTF_8);
        Files.delete(target);
        interrupted(file);

        ReactiveBridge.await(() -> bankFiles.handOver("next"));

        assertEquals("uncertain", fileState(file));
        assertFalse(Files.exists(target));
        assertEquals(1, TestDb
                .count("select count(*) from alerts where bank_file_id = ? and kind = 'BANK_FILE_UNCERTAIN'", file));
        ReactiveBridge.await(dispatch::dispatchDue);
        assertFalse(Files.exists(target));

        given().header("Authorization", finance("fay")).contentType(ContentType.JSON)
                .body(Map.of("delivered", false, "comment", "x"))
                .when().post("/payments/bank-files/" + file + "/resolution").then().statusCode(403);
        given().header("Authorization", approver("ann")).contentType(ContentType.JSON)
                .body(Map.of("delivered", false, "comment", "bank confirms no file with this MsgId arrived"))
                .when().post("/payments/bank-files/" + file + "/resolution").then().statusCode(200)
                .body("state", equalTo("built"));
        ReactiveBridge.await(() -> bankFiles.handOver("next"));

        assertEquals("handed_over", fileState(file));
        assertEquals(content, Files.readString(target));
        given().header("Authorization", approver("ann")).contentType(ContentType.JSON)
                .body(Map.of("delivered", true, "comment", "again"))
                .when().post("/payments/bank-files/" + file + "/resolution").then().statusCode(409);
        assertEquals(1,
                TestDb.count("select count(*) from audit_log where action = 'bank-file.redeliver' and entity_id = ?",
                        Long.toString(file)));
    }

    @Test
    void theFileRecordsItsSha256() throws Exception {
        long file = handedOverFile();
        given().header("Authorization", finance("fay")).get("/payments/bank-files/" + file).then().statusCode(200)
                .body("sha256", equalTo(BankFileService.sha256(Files.readAllBytes(target(file)))))
                .body("state", equalTo("handed_over"));
    }
}
