package io.walletrecon.customers;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.walletrecon.testing.StoredCustomers;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CustomersApiTest {

    static final String ADMIN = TestJwt.bearer("ada", "admin");
    static final String FINANCE = TestJwt.bearer("fiona", "finance");

    static int create(Map<String, Object> body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/customers")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void personalDataIsEncryptedAtRestClearInDetailAndMaskedInLists() {
        String ext = TestData.unique("erp");
        String iban = "DE89 3704 0044 0532 0130 00";
        int id = create(Map.of("externalId", ext, "name", "上海示例贸易有限公司 " + ext, "phone", "13812345678",
                "email", "li.lei@example.com", "identities",
                List.of(Map.of("kind", "bank_account", "value", iban, "bankCode", "COBADEFFXXX"))));

        byte[] phone = TestDb.scalar("select phone_ciphertext from customers where id = ?", (long) id);
        assertFalse(new String(phone, java.nio.charset.StandardCharsets.ISO_8859_1).contains("13812345678"));
        String key = TestDb.scalar("select identity_key from payer_identities where customer_id = ?", (long) id);
        assertFalse(key.contains("3704"), "bank account numbers are keyed by their lookup hash, never in clear");

        given().header("Authorization", FINANCE).when().get("/customers/{id}", id)
                .then().statusCode(200)
                .body("phone", equalTo("13812345678"))
                .body("email", equalTo("li.lei@example.com"))
                .body("identities[0].masked", equalTo("****3000"))
                .body("identities[0].bankCode", equalTo("COBADEFFXXX"))
                .body("collectionCode", not(nullValue()));

        given().header("Authorization", FINANCE).queryParam("q", ext).when().get("/customers")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].phone", equalTo("138****5678"))
                .body("items[0].email", equalTo("l***@example.com"))
                .body("items[0].identities[0].masked", equalTo("****3000"));
        assertEquals(1L, StoredCustomers.audited("customer.created", id));
    }

    @Test
    void theSamePayerIdentityTwiceIsAConflict() {
        String openid = TestData.unique("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        create(Map.of("name", "First", "identities", List.of(Map.of("kind", "wechat_openid", "value", openid))));
        int second = create(Map.of("name", "Second"));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Third", "identities", List.of(Map.of("kind", "wechat_openid", "value", openid))))
                .when().post("/customers")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo(
                        "This payer identity already belongs to a customer of this company; remove it there first"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "wechat_openid", "value", openid))
                .when().post("/customers/{id}/identities", second)
                .then().statusCode(409);
        // The same bank account typed differently is the same identity.
        String number = "6222" + System.nanoTime() % 1_000_000_000L;
        create(Map.of("name", "Bank one", "identities", List.of(Map.of("kind", "bank_account", "value", number))));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "bank_account", "value", number.substring(0, 4) + " " + number.substring(4)))
                .when().post("/customers/{id}/identities", second)
                .then().statusCode(409);
        assertEquals(0L, StoredCustomers.payerIdentitiesOf(second));
    }

    @Test
    void financeReadsButCannotWrite() {
        given().header("Authorization", FINANCE).contentType(ContentType.JSON).body(Map.of("name", "Nope"))
                .when().post("/customers").then().statusCode(403);
    }

    @Test
    void invalidFieldsAreListed() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "", "email", "not-mail", "identities",
                        List.of(Map.of("kind", "paypal", "value", "x"))))
                .when().post("/customers")
                .then().statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("identities[0].kind"));
    }

    @Test
    void updateChangesFieldsAndIsAudited() {
        int id = create(Map.of("name", "Before", "riskRating", "low"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "After", "riskRating", "high"))
                .when().patch("/customers/{id}", id)
                .then().statusCode(200).body("name", equalTo("After")).body("riskRating", equalTo("high"));
        assertEquals(1L, StoredCustomers.audited("customer.updated", id));
    }

    @Test
    void collectionCodeComesAsJsonWithItsLink() {
        int id = create(Map.of("name", "Code owner"));
        String code = given().header("Authorization", FINANCE).accept(ContentType.JSON)
                .when().get("/customers/{id}/collection-code", id)
                .then().statusCode(200)
                .body("customerId", equalTo(id))
                .extract().path("code");
        assertTrue(CollectionCodes.isValid(code));
        given().header("Authorization", FINANCE).accept(ContentType.JSON).when()
                .get("/customers/{id}/collection-code", id)
                .then().body("link", equalTo("https://pay.walletrecon.io/c/" + code));
        assertEquals(id, StoredCustomers.ownerOfCode(code));
    }

    @Test
    void pngQrImageDecodesBackToThePaymentLink() throws Exception {
        int id = create(Map.of("name", "PNG"));
        String code = StoredCustomers.collectionCodeOf(id);
        byte[] png = given().header("Authorization", FINANCE).accept("image/png")
                .when().get("/customers/{id}/collection-code", id)
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image);
        assertEquals("https://pay.walletrecon.io/c/" + code, decode(image));
    }

    @Test
    void svgQrImageDecodesBackToThePaymentLink() throws Exception {
        int id = create(Map.of("name", "SVG"));
        String code = StoredCustomers.collectionCodeOf(id);
        String svg = given().header("Authorization", FINANCE).accept("image/svg+xml")
                .when().get("/customers/{id}/collection-code", id)
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        // Rasterise the SVG's unit squares at 8 px per module and decode that.
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(box.find());
        int w = Integer.parseInt(box.group(1));
        int scale = 8;
        BufferedImage image = new BufferedImage(w * scale, w * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < w * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        Matcher m = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        int modules = 0;
        while (m.find()) {
            modules++;
            int mx = Integer.parseInt(m.group(1));
            int my = Integer.parseInt(m.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    image.setRGB(mx * scale + dx, my * scale + dy, 0);
                }
            }
        }
        assertTrue(modules > 100);
        assertEquals("https://pay.walletrecon.io/c/" + code, decode(image));
    }

    @Test
    void deletingACustomerWithReceivablesIsAConflict() {
        int id = create(Map.of("name", "Debtor"));
        TestDb.update(
                "insert into receivables (customer_id, reference, amount_minor, currency, issue_date, due_date) values (?, 'INV-1', 100, 'CNY', current_date, current_date)",
                (long) id);
        given().header("Authorization", ADMIN).when().delete("/customers/{id}", id).then().statusCode(409);
        int free = create(Map.of("name", "Free"));
        given().header("Authorization", ADMIN).when().delete("/customers/{id}", free).then().statusCode(204);
        given().header("Authorization", FINANCE).when().get("/customers/{id}", free).then().statusCode(404);
    }

    static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
