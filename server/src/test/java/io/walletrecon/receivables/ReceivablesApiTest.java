package io.walletrecon.receivables;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.customers.CollectionCodes;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ReceivablesApiTest {

    static final String ADMIN = TestJwt.bearer("ada", "admin");
    static final String FINANCE = TestJwt.bearer("fiona", "finance");

    String ext1;
    String ext2;
    long c1;
    long c2;

    @BeforeEach
    void customers() {
        ext1 = TestData.unique("erp");
        ext2 = TestData.unique("erp");
        c1 = ((Number) given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("externalId", ext1, "name", "One"))
                .post("/customers").then().statusCode(201).extract().path("id")).longValue();
        c2 = ((Number) given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("externalId", ext2, "name", "Two"))
                .post("/customers").then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void createsOneByJsonWithExactMinorUnitsAndAnOwnCollectionCode() {
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("customerId", c1, "reference", "INV-001", "amount", "1288.80", "currency", "CNY",
                        "issueDate", "2026-03-01", "dueDate", "2026-03-31", "issueCollectionCode", true))
                .when().post("/receivables")
                .then().statusCode(201)
                .body("amountMinor", equalTo(128880))
                .body("amount", equalTo("1288.80"))
                .body("status", equalTo("open"));
        String code = TestDb.scalar("select collection_code from receivables where customer_id = ?", c1);
        assertTrue(CollectionCodes.isValid(code));
        assertEquals(c1, TestDb
                .count("select customer_id from collection_codes where code = ? and receivable_id is not null", code));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("customerId", c1, "reference", "INV-001", "amount", "1", "currency", "CNY",
                        "issueDate", "2026-03-01", "dueDate", "2026-03-31"))
                .when().post("/receivables").then().statusCode(409);
    }

    @Test
    void jsonAmountWithTooManyDecimalsIsRejected() {
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("customerId", c1, "reference", "INV-X", "amount", "10", "currency", "JPY",
                        "issueDate", "2026-03-01", "dueDate", "2026-02-01"))
                .when().post("/receivables").then().statusCode(400).body("errors[0].field", equalTo("dueDate"));
        given().header("Authorization", FINANCE).contentType(ContentType.JSON)
                .body(Map.of("customerId", c1, "reference", "INV-X", "amount", "10.5", "currency", "JPY",
                        "issueDate", "2026-03-01", "dueDate", "2026-04-01"))
                .when().post("/receivables").then().statusCode(400).body("errors[0].field", equalTo("amount"));
    }

    String csv() {
        return "\uFEFFcustomer_external_id,reference,amount,currency,issue_date,due_date\r\n"
                + ext1 + ",INV-100,100.00,CNY,2026-03-01,2026-03-31\r\n"
                + ext1 + ",\"INV-101, part 2\",0.01,CNY,2026-03-01,2026-03-31\r\n"
                + ext2 + ",INV-100,5000,JPY,2026-03-02,2026-04-30\r\n";
    }

    @Test
    void importsAValidFileInOneGoAndAgainChangesNothing() {
        given().header("Authorization", FINANCE).contentType("text/csv")
                .body(csv().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/receivables/import")
                .then().statusCode(200)
                .body("rows", equalTo(3)).body("inserted", equalTo(3)).body("unchanged", equalTo(0));
        given().header("Authorization", FINANCE).contentType("text/csv")
                .body(csv().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/receivables/import")
                .then().statusCode(200)
                .body("rows", equalTo(3)).body("inserted", equalTo(0)).body("unchanged", equalTo(3));
        assertEquals(2L, TestDb.count("select count(*) from receivables where customer_id = ?", c1));
        assertEquals(10001L, TestDb.count("select sum(amount_minor) from receivables where customer_id = ?", c1));
        given().header("Authorization", FINANCE).queryParam("customerId", c2).when().get("/receivables")
                .then().statusCode(200).body("items.amountMinor", contains(5000))
                .body("items.currency", contains("JPY"));
    }

    @Test
    void everyBadRowIsListedByLineAndColumnAndNothingIsImported() {
        String body = "customer_external_id,reference,amount,currency,issue_date,due_date\n"
                + ext1 + ",INV-200,100.00,CNY,2026-03-01,2026-03-31\n"
                + "nobody-" + ext1 + ",INV-201,1.00,CNY,2026-03-01,2026-03-31\n"
                + ext1 + ",INV-202,1.005,CNY,2026-03-01,2026-03-31\n"
                + ext1 + ",INV-203,1.00,RMB,2026-03-01,2026-03-31\n"
                + ext1 + ",INV-204,1.00,CNY,2026-02-30,2026-03-31\n"
                + ext1 + ",INV-200,100.00,CNY,2026-03-01,2026-03-31\n"
                + ext1 + ",INV-206,1.00,CNY\n";
        given().header("Authorization", FINANCE).contentType("text/csv").body(body)
                .when().post("/receivables/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.line", contains(3, 4, 5, 6, 7, 8))
                .body("errors.column",
                        contains("customer_external_id", "amount", "currency", "issue_date", "reference", null))
                .body("errors[0].message",
                        equalTo("no customer with external id 'nobody-" + ext1 + "' in company 'default'"))
                .body("errors[1].message", equalTo("'1.005' has more than 2 decimals, the most CNY allows"))
                .body("errors[4].message", equalTo("repeats customer and reference 'INV-200' of line 2"))
                .body("errors[5].message", equalTo("has 4 values, the header names 6 columns"));
        assertEquals(0L, TestDb.count("select count(*) from receivables where customer_id = ?", c1));
        assertEquals(0L, TestDb.count("select count(*) from receivables_import_staging"));
    }

    @Test
    void reimportWithAChangedAmountIsRejectedNotSilentlyIgnored() {
        given().header("Authorization", FINANCE).contentType("text/csv")
                .body(csv().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/receivables/import").then()
                .statusCode(200);
        String changed = csv().replace("INV-100,100.00", "INV-100,99.00");
        given().header("Authorization", FINANCE).contentType("text/csv")
                .body(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/receivables/import")
                .then().statusCode(422)
                .body("errors.line", contains(2))
                .body("errors[0].column", equalTo("reference"));
        assertEquals(10000L, TestDb
                .count("select amount_minor from receivables where customer_id = ? and reference = 'INV-100'", c1));
    }

    @Test
    void aWrongHeaderNamesTheColumn() {
        given().header("Authorization", FINANCE).contentType("text/csv").body("customer,reference,amount\nx,y,1\n")
                .when().post("/receivables/import")
                .then().statusCode(422)
                .body("errors[0].line", equalTo(1))
                .body("errors[0].column", equalTo("customer"));
    }

    @Test
    void aNulByteInTheFileIsRefusedWithItsLine() {
        String body = "customer_external_id,reference,amount,currency,issue_date,due_date\n"
                + ext1 + ",INV-N1,10.00,CNY,2026-01-01,2026-01-31\n"
                + ext1 + ",INV-\u0000N2,10.00,CNY,2026-01-01,2026-01-31\n";
        given().header("Authorization", FINANCE).contentType("text/csv")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/receivables/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].line", equalTo(3))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("NUL character"));
        assertEquals(0,
                io.walletrecon.testing.TestDb.count("select count(*) from receivables where customer_id = ?", c1));
    }

    @Test
    void pageBeyondAnyRealListIsABadRequest() {
        given().header("Authorization", FINANCE).queryParam("page", Integer.MAX_VALUE).queryParam("size", 500)
                .when().get("/receivables")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
    }

    /**
     * Two uploads that stop halfway hold no database connection (their bodies are spooled to disk first), so a third
     * import still gets one of the two the imports share.
     */
    @Test
    void twoStalledUploadsDoNotStarveAThirdImport() throws Exception {
        StringBuilder rows = new StringBuilder("customer_external_id,reference,amount,currency,issue_date,due_date\n");
        for (int i = 0; rows.length() < 128 * 1024; i++) {
            rows.append(ext2).append(",SLOW-").append(i).append(",1.00,CNY,2026-01-01,2026-01-31\n");
        }
        byte[] prefix = rows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<java.net.Socket> stalled = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port);
                String head = "POST /receivables/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + FINANCE
                        + "\r\nContent-Type: text/csv\r\nContent-Length: " + (prefix.length * 4L) + "\r\n\r\n";
                socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().write(prefix);
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            Thread.sleep(1000); // both stalled uploads are inside the import by now
            given().header("Authorization", FINANCE).contentType("text/csv")
                    .body(csv().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .when().post("/receivables/import")
                    .then().statusCode(200).body("inserted", equalTo(3));
        } finally {
            for (java.net.Socket socket : stalled) {
                socket.close();
            }
        }
        assertEquals(0, io.walletrecon.testing.TestDb
                .count("select count(*) from receivables where reference like 'SLOW-%' and customer_id = ?", c2));
    }
}
