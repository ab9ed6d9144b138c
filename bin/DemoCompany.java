import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The demo company: a month of a trading company with offices in Shanghai and Berlin, seeded into a running
 * walletrecon through its public routes only (HTTP, bearer tokens, signed webhooks), as its finance team and its
 * providers would have sent it. bin/demo runs it as a single-file program:
 *
 * <pre>
 *   java bin/DemoCompany.java --api http://localhost:8080 --jwt-key .dev/jwt-private.pem --keys .dev/demo.keys
 *       [--month 2026-10] [--company code]
 * </pre>
 *
 * Tokens: minted with {@code --jwt-key} (the key bin/dev generated; persons dev-admin and dev-approver, as bin/dev
 * and the dev sign-in page name them), else read from DEMO_ADMIN_TOKEN (admin + finance) and DEMO_APPROVER_TOKEN
 * (approver + finance). The providers' keys and secrets are generated on the first run and kept in the {@code --keys}
 * file, so a second run signs with the same keys and every notification is a redelivery. Running it twice adds
 * nothing: everything has a fixed key (account code, external id, invoice number, event id, statement identity,
 * Idempotency-Key), and the matching runs start only when this run added something.
 *
 * The month (the previous calendar month unless {@code --month}): Alipay, WeChat Pay and Stripe payments notified and on
 * the providers' bills, a Stripe payout to the euro bank (camt.053), customers paying by bank transfer into the euro and
 * the yuan bank (MT940), two invoices not due yet. Planted: an unidentified receipt at the yuan bank (待认领款项), a
 * customer who paid short by the transfer charges, and the bank fees (classified as fees, no exception). The company's
 * journals of both banks, without what only the bank knows yet (the 余额调节表's reconciling items). Two supplier
 * payments: one approved, one awaiting approval. Each month's bank statements open where the month before closed.
 */
public class DemoCompany {

    static final String ALIPAY = "demo-alipay", WECHAT = "demo-wechat", STRIPE = "demo-stripe",
            BANK_EUR = "demo-bank-eur", BANK_CNY = "demo-bank-cny";
    static final String EUR_IBAN = "DE44500105175407324931", CNY_ACCOUNT = "1219 0845 7610 0018 8";
    static final String ALIPAY_APP_ID = "2021004187650342", WECHAT_MCH_ID = "1900000109";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai"), BERLIN = ZoneId.of("Europe/Berlin");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    final String api, company;
    final YearMonth month;
    final String tag;
    final String admin, approver;
    final Path keysFile;
    final Properties keys = new Properties();
    // HTTP/1.1 as providers post (the client would otherwise try an h2c upgrade)
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final SecureRandom random = new SecureRandom();
    final Map<String, Integer> added = new LinkedHashMap<>();
    final Map<String, Long> customers = new TreeMap<>();
    String invoice7CollectionCode;

    DemoCompany(String api, String admin, String approver, String company, YearMonth month, Path keysFile) {
        this.api = api.replaceAll("/+$", "");
        this.admin = admin;
        this.approver = approver;
        this.company = company;
        this.month = month;
        this.tag = month.format(DateTimeFormatter.ofPattern("yyMM"));
        this.keysFile = keysFile;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!List.of("--api", "--keys", "--jwt-key", "--month", "--company").contains(args[i])) {
                usage("unknown option " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0 || !o.containsKey("api") || !o.containsKey("keys")) {
            usage(null);
        }
        String admin, approver;
        if (o.containsKey("jwt-key")) {
            PrivateKey key = privateKey(Path.of(o.get("jwt-key")));
            admin = jwt(key, "dev-admin", "\"admin\",\"finance\"");
            approver = jwt(key, "dev-approver", "\"approver\",\"finance\"");
        } else {
            admin = System.getenv("DEMO_ADMIN_TOKEN");
            approver = System.getenv("DEMO_APPROVER_TOKEN");
            if (admin == null || approver == null) {
                usage("give --jwt-key, or DEMO_ADMIN_TOKEN and DEMO_APPROVER_TOKEN");
            }
        }
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        if (o.containsKey("month")) {
            try {
                month = YearMonth.parse(o.get("month"));
            } catch (DateTimeParseException e) {
                usage("--month takes a month such as 2026-10, not " + o.get("month"));
            }
            if (month.isBefore(YearMonth.of(2025, 1))) {
                usage("--month takes a month from 2025-01 on");
            }
        }
        DemoCompany demo = new DemoCompany(o.get("api"), admin, approver, o.get("company"), month,
                Path.of(o.get("keys")));
        try {
            demo.seed();
        } catch (DemoFailed e) {
            System.err.println("bin/demo: " + e.getMessage());
            System.exit(1);
        }
    }

    static void usage(String problem) {
        if (problem != null) {
            System.err.println("DemoCompany: " + problem);
        }
        System.err.println("usage: java bin/DemoCompany.java --api <url> --keys <file> [--jwt-key <pem>] "
                + "[--month yyyy-MM] [--company <code>]");
        System.exit(2);
    }

    void seed() throws Exception {
        loadKeys();
        accounts();
        customers();
        receivables();
        long before = transactions();
        notifications();
        statements();
        added("transactions", (int) (transactions() - before));
        payments();
        boolean changed = added.values().stream().anyMatch(n -> n > 0);
        if (changed) {
            // wallets first, banks last: an invoice is past due only once every account of its currency is reconciled
            for (String account : List.of(ALIPAY, WECHAT, STRIPE, BANK_CNY, BANK_EUR)) {
                run(account);
            }
        }
        guide(changed);
    }

    // --- accounts and the providers' keys ----------------------------------------------------------------------------

    void loadKeys() throws IOException {
        if (Files.exists(keysFile)) {
            try (Reader in = Files.newBufferedReader(keysFile)) {
                keys.load(in);
            }
        }
    }

    /** The key or secret {@code name}, generated (and written to the keys file) when it is not there yet. */
    String key(String name, Supplier<String> generate) throws IOException {
        String value = keys.getProperty(name);
        if (value == null) {
            value = generate.get();
            keys.setProperty(name, value);
            Path dir = keysFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "demo", ".keys");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions protect it
            }
            try (Writer out = Files.newBufferedWriter(tmp)) {
                keys.store(out, "bin/demo: the demo accounts' provider keys (private: they sign its notifications)");
            }
            Files.move(tmp, keysFile, StandardCopyOption.REPLACE_EXISTING);
        }
        return value;
    }

    String alphanumeric(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static String rsaPrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey rsa(String pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
    }

    /** The public half of a stored private key, as base64 DER (X.509 SubjectPublicKeyInfo). */
    static String publicKey(String pkcs8) throws GeneralSecurityException {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa(pkcs8);
        return Base64.getEncoder().encodeToString(KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded());
    }

    void accounts() throws Exception {
        String alipayKey = key("alipay.private-key", DemoCompany::rsaPrivateKey);
        String wechatKey = key("wechatpay.platform-private-key", DemoCompany::rsaPrivateKey);
        String wechatSerial = key("wechatpay.platform-serial", () -> "PUB_KEY_ID_" + alphanumeric(24));
        String apiV3 = key("wechatpay.api-v3-key", () -> alphanumeric(32));
        String stripeSecret = key("stripe.webhook-secret", () -> "whsec_" + alphanumeric(32));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + publicKey(wechatKey) + "\n-----END PUBLIC KEY-----\n";
        account(ALIPAY, "alipay", "支付宝 Alipay (CNY)", "CNY", SHANGHAI, null,
                json(Map.of("appId", ALIPAY_APP_ID, "alipayPublicKeys", List.of(publicKey(alipayKey)))));
        account(WECHAT, "wechatpay", "微信支付 WeChat Pay (CNY)", "CNY", SHANGHAI, null,
                json(Map.of("merchantId", WECHAT_MCH_ID, "apiV3Key", apiV3, "platformPublicKeys",
                        Map.of(wechatSerial, pem))));
        account(STRIPE, "stripe", "Stripe (EUR)", "EUR", BERLIN, null,
                json(Map.of("webhookSecrets", List.of(stripeSecret))));
        account(BANK_EUR, "bank", "Deutsche Bank Berlin (EUR)", "EUR", BERLIN, EUR_IBAN, null);
        account(BANK_CNY, "bank", "招商银行上海分行 (CNY)", "CNY", SHANGHAI, CNY_ACCOUNT, null);
    }

    void account(String code, String provider, String name, String currency, ZoneId zone, String number,
            String credentials) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        if (company != null) {
            body.put("company", company);
        }
        body.put("provider", provider);
        body.put("name", name);
        body.put("currency", currency);
        body.put("timeZone", zone.getId());
        if (number != null) {
            body.put("accountNumber", number);
        }
        String json = json(body);
        if (credentials != null) {
            json = json.substring(0, json.length() - 1) + ",\"credentials\":" + credentials + "}";
        }
        Answer created = send("POST", "/accounts", admin, json);
        if (created.status == 201) {
            added("accounts", 1);
        } else {
            created.expect(409);
            existing(code, provider, currency, credentials);
        }
        if (credentials != null) {
            key("written." + code, () -> "yes");
        }
    }

    /** The account exists: it must be the demo's, and get this run's keys if the keys file it was made with is gone. */
    void existing(String code, String provider, String currency, String credentials) throws Exception {
        Answer existing = send("GET", "/accounts/" + code, admin, null).expect(200);
        if (!existing.body.contains("\"provider\":\"" + provider + "\"") || !existing.body.contains(currency)) {
            throw new DemoFailed("an account '" + code + "' exists and is not the demo's " + provider + " account in "
                    + currency + ": run the demo on a database of its own (WALLETRECON_DB_NAME=walletrecon_demo)");
        }
        if (credentials != null && !keys.getProperty("written." + code, "").equals("yes")) {
            // the account is from a run whose keys file is gone: give it this run's keys (a rotation, audited)
            send("PATCH", "/accounts/" + code, admin, "{\"credentials\":" + credentials + "}").expect(200);
        }
    }

    // --- customers and receivables ----------------------------------------------------------------------------------

    record Customer(String key, String name, String email, List<Map<String, String>> identities) {
    }

    static Map<String, String> identity(String kind, String value) {
        return Map.of("kind", kind, "value", value);
    }

    static final List<Customer> CUSTOMERS = List.of(
            new Customer("DEMO-C01", "上海明辉贸易有限公司", "finance@minghui-trading.cn",
                    List.of(identity("alipay_buyer_id", "2088102146225135"))),
            new Customer("DEMO-C02", "杭州云帆电子商务有限公司", "ap@yunfan-ec.cn",
                    List.of(identity("wechat_openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"))),
            new Customer("DEMO-C03", "李娜", null, List.of(identity("wechat_openid", "oUpF8uN95-Ptaags6E4oYPSWkG1Q"))),
            new Customer("DEMO-C04", "Müller & Söhne GmbH", "buchhaltung@mueller-soehne.de",
                    List.of(identity("stripe_customer", "cus_DemoMuellerSoehne"),
                            identity("bank_account", "DE12 5001 0517 0648 4898 90"))),
            new Customer("DEMO-C05", "Café Lumière SARL", "compta@cafe-lumiere.fr",
                    List.of(identity("bank_account", "FR14 2004 1010 0505 0001 3M02 606"))),
            new Customer("DEMO-C06", "Nordwind Logistics B.V.", "invoices@nordwind.nl",
                    List.of(identity("stripe_customer", "cus_DemoNordwind"))),
            new Customer("DEMO-C07", "深圳前海星河科技有限公司", null,
                    List.of(identity("bank_account", "6222 0212 3456 7890 123"))),
            new Customer("DEMO-C08", "王磊", null, List.of(identity("alipay_buyer_id", "2088702418293344"))));

    void customers() throws Exception {
        for (Customer c : CUSTOMERS) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (company != null) {
                body.put("company", company);
            }
            body.put("externalId", c.key());
            body.put("name", c.name());
            if (c.email() != null) {
                body.put("email", c.email());
            }
            body.put("identities", c.identities());
            Answer created = send("POST", "/customers", admin, json(body));
            if (created.status == 201) {
                added("customers", 1);
                customers.put(c.key(), created.id());
            } else {
                created.expect(409);
                Answer found = send("GET", "/customers?size=5&q=" + url(c.key())
                        + (company == null ? "" : "&company=" + url(company)), admin, null).expect(200);
                customers.put(c.key(), found.id());
            }
        }
    }

    /** An invoice: number (within the month's series), customer, currency, amount, issue and due day (0: next month). */
    record Invoice(int number, String customer, String currency, String amount, int issued, int due, boolean code) {
        String reference(String tag) {
            return "INV-" + tag + "-" + String.format("%03d", number);
        }
    }

    static final List<Invoice> INVOICES = List.of(
            new Invoice(1, "DEMO-C01", "CNY", "12800.00", 1, 15, false),   // Alipay, names the invoice
            new Invoice(2, "DEMO-C08", "CNY", "3680.00", 2, 20, false),    // Alipay, a known buyer, no invoice number
            new Invoice(3, "DEMO-C02", "CNY", "25000.00", 1, 12, false),   // WeChat Pay
            new Invoice(4, "DEMO-C03", "CNY", "299.00", 4, 25, false),     // WeChat Pay
            new Invoice(5, "DEMO-C02", "CNY", "8600.00", 20, 0, false),    // not due yet
            new Invoice(6, "DEMO-C07", "CNY", "56000.00", 3, 20, false),   // bank transfer naming the invoice
            new Invoice(7, "DEMO-C07", "CNY", "18000.00", 8, 28, true),    // bank transfer with the collection code
            new Invoice(8, "DEMO-C04", "EUR", "1450.00", 1, 14, false),    // Stripe
            new Invoice(9, "DEMO-C06", "EUR", "890.00", 5, 21, false),     // Stripe
            new Invoice(10, "DEMO-C05", "EUR", "1200.00", 1, 8, false),    // bank transfer, paid short (planted)
            new Invoice(11, "DEMO-C04", "EUR", "3200.00", 10, 24, false),  // bank transfer from a known account
            new Invoice(12, "DEMO-C06", "EUR", "640.00", 22, 0, false));   // not due yet

    LocalDate day(int n) {
        return n == 0 ? month.plusMonths(1).atDay(10) : month.atDay(n);
    }

    void receivables() throws Exception {
        for (Invoice i : INVOICES) {
            long customer = customers.get(i.customer());
            String reference = i.reference(tag);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("customerId", customer);
            body.put("reference", reference);
            body.put("amount", i.amount());
            body.put("currency", i.currency());
            body.put("issueDate", day(i.issued()).toString());
            body.put("dueDate", day(i.due()).toString());
            body.put("issueCollectionCode", i.code());
            Answer created = send("POST", "/receivables", admin, json(body));
            Answer view;
            if (created.status == 201) {
                added("receivables", 1);
                view = created;
            } else {
                created.expect(409);
                view = send("GET", "/receivables?customerId=" + customer + "&reference=" + url(reference), admin, null)
                        .expect(200);
            }
            if (i.code()) {
                invoice7CollectionCode = view.text("collectionCode");
            }
        }
    }

    String ref(int number) {
        return INVOICES.get(number - 1).reference(tag);
    }

    // --- the providers' notifications -------------------------------------------------------------------------------

    void notifications() throws Exception {
        alipayPaid("01", ref(1), "12800.00", "2088102146225135", LocalDateTime.of(day(3), LocalTime.of(10, 15, 42)));
        alipayPaid("02", "WEB-" + tag + "-88231", "3680.00", "2088702418293344",
                LocalDateTime.of(day(9), LocalTime.of(21, 4, 9)));
        wechatPaid("01", ref(3), 2_500_000, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", day(5).atTime(14, 30));
        wechatPaid("02", ref(4), 29_900, "oUpF8uN95-Ptaags6E4oYPSWkG1Q", day(11).atTime(20, 12, 5));
        stripePaid("1", 145_000, "cus_DemoMuellerSoehne", ref(8), day(6).atTime(9, 41).atZone(BERLIN).toInstant());
        stripePaid("2", 89_000, "cus_DemoNordwind", ref(9), day(13).atTime(16, 5).atZone(BERLIN).toInstant());
    }

    String alipayTradeNo(String n) {
        return month.format(DateTimeFormatter.ofPattern("yyyyMM")) + "0722001" + "4312050" + n;
    }

    void alipayPaid(String n, String outTradeNo, String yuan, String buyer, LocalDateTime paidAt) throws Exception {
        Map<String, String> p = new TreeMap<>();
        p.put("notify_time", LOCAL.format(LocalDateTime.now(SHANGHAI)));
        p.put("notify_type", "trade_status_sync");
        p.put("notify_id", "demo" + tag + "ali" + n);
        p.put("app_id", ALIPAY_APP_ID);
        p.put("charset", "utf-8");
        p.put("version", "1.0");
        p.put("sign_type", "RSA2");
        p.put("trade_no", alipayTradeNo(n));
        p.put("out_trade_no", outTradeNo);
        p.put("buyer_id", buyer);
        p.put("total_amount", yuan);
        p.put("receipt_amount", yuan);
        p.put("subject", "货款 " + outTradeNo);
        p.put("gmt_create", LOCAL.format(paidAt.minusSeconds(20)));
        p.put("gmt_payment", LOCAL.format(paidAt));
        p.put("trade_status", "TRADE_SUCCESS");
        String signing = p.entrySet().stream().filter(e -> !e.getKey().equals("sign_type"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        p.put("sign", sign(rsa(keys.getProperty("alipay.private-key")), signing.getBytes(StandardCharsets.UTF_8)));
        String form = p.entrySet().stream().map(e -> url(e.getKey()) + "=" + url(e.getValue()))
                .collect(Collectors.joining("&"));
        Answer answer = post("/webhooks/alipay/" + ALIPAY, Map.of(), "application/x-www-form-urlencoded; charset=utf-8",
                form.getBytes(StandardCharsets.US_ASCII)).expect(200);
        if (!answer.body.trim().equals("success")) {
            throw new DemoFailed("Alipay notification " + n + " was refused: " + answer.body);
        }
    }

    String wechatTransaction(String n) {
        return "42000" + month.format(DateTimeFormatter.ofPattern("yyyyMM")) + "1230045" + n;
    }

    void wechatPaid(String n, String outTradeNo, long fen, String openid, LocalDateTime at) throws Exception {
        String plaintext = "{\"mchid\":\"" + WECHAT_MCH_ID + "\",\"appid\":\"wxd678efh567hg6787\",\"out_trade_no\":\""
                + outTradeNo + "\",\"transaction_id\":\"" + wechatTransaction(n) + "\",\"trade_type\":\"JSAPI\","
                + "\"trade_state\":\"SUCCESS\",\"trade_state_desc\":\"支付成功\",\"bank_type\":\"CMB_DEBIT\","
                + "\"attach\":\"\",\"success_time\":\"" + at.atZone(SHANGHAI).toOffsetDateTime() + "\","
                + "\"payer\":{\"openid\":\"" + openid + "\"},\"amount\":{\"total\":" + fen + ",\"payer_total\":" + fen
                + ",\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
        String nonce = alphanumeric(12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(
                keys.getProperty("wechatpay.api-v3-key").getBytes(StandardCharsets.UTF_8), "AES"),
                new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
        cipher.updateAAD("transaction".getBytes(StandardCharsets.UTF_8));
        String ciphertext = Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        String body = "{\"id\":\"demo-" + tag + "-wx-" + n + "\",\"create_time\":\""
                + at.plusSeconds(3).atZone(SHANGHAI).toOffsetDateTime() + "\",\"resource_type\":\"encrypt-resource\","
                + "\"event_type\":\"TRANSACTION.SUCCESS\",\"summary\":\"支付成功\",\"resource\":{\"original_type\":"
                + "\"transaction\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"" + ciphertext
                + "\",\"associated_data\":\"transaction\",\"nonce\":\"" + nonce + "\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String now = Long.toString(Instant.now().getEpochSecond());
        String headerNonce = alphanumeric(32);
        byte[] message = concat((now + "\n" + headerNonce + "\n").getBytes(StandardCharsets.UTF_8), bytes,
                "\n".getBytes(StandardCharsets.UTF_8));
        post("/webhooks/wechatpay/" + WECHAT, Map.of("Wechatpay-Timestamp", now, "Wechatpay-Nonce", headerNonce,
                "Wechatpay-Signature", sign(rsa(keys.getProperty("wechatpay.platform-private-key")), message),
                "Wechatpay-Serial", keys.getProperty("wechatpay.platform-serial"),
                "Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048"), "application/json", bytes).expect(204);
    }

    void stripePaid(String n, long cents, String customer, String invoice, Instant at) throws Exception {
        String object = "{\"id\":\"pi_demo" + tag + "000" + n + "\",\"object\":\"payment_intent\",\"amount\":" + cents
                + ",\"amount_received\":" + cents + ",\"currency\":\"eur\",\"customer\":\"" + customer
                + "\",\"description\":\"Invoice " + invoice + "\",\"latest_charge\":\"ch_demo" + tag + "000" + n
                + "\",\"created\":" + at.getEpochSecond() + ",\"metadata\":{\"reference\":\"" + invoice + "\"},"
                + "\"status\":\"succeeded\"}";
        String body = "{\"id\":\"evt_demo" + tag + "000" + n + "\",\"object\":\"event\",\"api_version\":\"2024-06-20\","
                + "\"created\":" + at.getEpochSecond() + ",\"type\":\"payment_intent.succeeded\",\"livemode\":true,"
                + "\"data\":{\"object\":" + object + "}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.getProperty("stripe.webhook-secret").getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        mac.update((now + ".").getBytes(StandardCharsets.UTF_8));
        String signature = HexFormat.of().formatHex(mac.doFinal(bytes));
        post("/webhooks/stripe/" + STRIPE, Map.of("Stripe-Signature", "t=" + now + ",v1=" + signature),
                "application/json; charset=utf-8", bytes).expect(200);
    }

    // --- bills and bank statements ----------------------------------------------------------------------------------

    void statements() throws Exception {
        upload(ALIPAY, "alipay", false, "alipay-" + month + ".csv", alipayBill());
        upload(WECHAT, "wechatpay", true, "wechatpay-" + month + ".csv", wechatBill());
        upload(STRIPE, "stripe", true, "stripe-balance-" + month + ".csv", stripeBill());
        upload(BANK_EUR, null, false, "camt053-" + month + ".xml", camt053());
        upload(BANK_CNY, null, false, "mt940-" + month + ".sta", mt940());
        // the company's own books of both banks (银行日记账): everything but what the accountant has not seen yet,
        // the yuan transfer nobody can name and the euro bank's account fee (the 余额调节表's reconciling items)
        journal(BANK_CNY, "日期,凭证号,对方户名,摘要,金额（元）", List.of(
                day(16) + ",记-" + tag + "16,深圳前海星河科技有限公司,收货款 " + ref(6) + ",\"56,000.00\"",
                day(21) + ",记-" + tag + "21,招商银行,活期存款结息,12.60",
                day(22) + ",记-" + tag + "22,深圳前海星河科技有限公司,收货款 " + ref(7) + ",\"18,000.00\"",
                day(25) + ",记-" + tag + "25,招商银行,跨行汇款手续费,-35.00"));
        journal(BANK_EUR, "date,voucher,counterparty,memo,amount", List.of(
                day(7) + ",BU-" + tag + "07,Café Lumière SARL,Zahlung " + ref(10) + ",\"1,185.00\"",
                day(19) + ",BU-" + tag + "19,Stripe Payments Europe,Auszahlung " + payout() + ",\"2,304.40\"",
                day(23) + ",BU-" + tag + "23,Müller & Söhne GmbH,Zahlung " + ref(11) + ",\"3,200.00\""));
    }

    void journal(String account, String header, List<String> rows) throws Exception {
        String csv = header + "\n" + String.join("\n", rows) + "\n";
        Answer answer = send("POST", "/ledger-entries/import?account=" + account, admin, "text/csv", Map.of(),
                csv.getBytes(StandardCharsets.UTF_8)).expect(200, 201);
        added("bank journal entries", Integer.parseInt(answer.text("inserted")));
    }

    void upload(String account, String format, boolean period, String fileName, byte[] file) throws Exception {
        String query = "?account=" + account + (format == null ? "" : "&format=" + format)
                + (period ? "&from=" + month.atDay(1) + "&to=" + month.atEndOfMonth() : "");
        Answer answer = send("POST", "/statements" + query, admin, "application/octet-stream",
                Map.of("X-File-Name", fileName), file);
        if (answer.status == 201) {
            added("statements", 1);
        } else {
            answer.expect(200);
        }
    }

    byte[] alipayBill() {
        String start = month.atDay(1).format(DateTimeFormatter.ofPattern("yyyy年MM月dd日"));
        String end = month.plusMonths(1).atDay(1).format(DateTimeFormatter.ofPattern("yyyy年MM月dd日"));
        List<String> rows = List.of(
                alipayRow(alipayTradeNo("01"), ref(1), LocalDateTime.of(day(3), LocalTime.of(10, 15, 42)),
                        "12800.00", "-76.80"),
                alipayRow(alipayTradeNo("02"), "WEB-" + tag + "-88231",
                        LocalDateTime.of(day(9), LocalTime.of(21, 4, 9)), "3680.00", "-22.08"));
        String text = "#支付宝业务明细查询\n#账号：[20881234567890120156]\n"
                + "#起始日期：[" + start + " 00:00:00]   终止日期：[" + end + " 00:00:00]\n"
                + "#-----------------------------------------业务明细列表----------------------------------------\n"
                + "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,"
                + "商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,"
                + "卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注\n" + String.join("\n", rows) + "\n"
                + "#-----------------------------------------业务明细列表结束------------------------------------\n"
                + "#导出时间：[" + end + " 08:30:00]\n";
        return text.getBytes(Charset.forName("GBK"));
    }

    static String alipayRow(String tradeNo, String outTradeNo, LocalDateTime at, String amount, String fee) {
        String time = LOCAL.format(at);
        return String.join("\t,", tradeNo, outTradeNo, "交易", "货款 " + outTradeNo, time, time, "", "", "", "",
                "客户", amount, amount, "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00", "", fee, "0.00", "")
                + "\t";
    }

    byte[] wechatBill() {
        List<String> rows = List.of(
                wechatRow(day(5).atTime(14, 30), wechatTransaction("01"), ref(3), "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
                        "25000.00", "150.00"),
                wechatRow(day(11).atTime(20, 12, 5), wechatTransaction("02"), ref(4), "oUpF8uN95-Ptaags6E4oYPSWkG1Q",
                        "299.00", "1.79"));
        String text = "\uFEFF交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,"
                + "应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,"
                + "订单金额,申请退款金额,费率备注\n" + String.join("\n", rows) + "\n"
                + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n"
                + "`2,`25299.00,`0.00,`0.00,`151.79,`25299.00,`0.00\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String wechatRow(LocalDateTime at, String transactionId, String outTradeNo, String openid, String yuan,
            String fee) {
        return String.join(",", "`" + LOCAL.format(at), "`wxd678efh567hg6787", "`" + WECHAT_MCH_ID, "`0", "`",
                "`" + transactionId, "`" + outTradeNo, "`" + openid, "`JSAPI", "`SUCCESS", "`CMB_DEBIT", "`CNY",
                "`" + yuan, "`0.00", "`0", "`0", "`0.00", "`0.00", "`", "`", "`货款", "`", "`" + fee, "`0.60%",
                "`" + yuan, "`0.00", "`");
    }

    String payout() {
        return "po_demo" + tag + "0001";
    }

    byte[] stripeBill() {
        DateTimeFormatter utc = LOCAL.withZone(ZoneOffset.UTC);
        List<String> rows = List.of(
                stripeRow("txn_demo" + tag + "0001", utc.format(day(6).atTime(9, 41, 5).atZone(BERLIN)), "1450.00",
                        "22.00", "1428.00", "charge", "ch_demo" + tag + "0001", "pi_demo" + tag + "0001", ref(8),
                        "cus_DemoMuellerSoehne"),
                stripeRow("txn_demo" + tag + "0002", utc.format(day(13).atTime(16, 5, 5).atZone(BERLIN)), "890.00",
                        "13.60", "876.40", "charge", "ch_demo" + tag + "0002", "pi_demo" + tag + "0002", ref(9),
                        "cus_DemoNordwind"),
                stripeRow("txn_demo" + tag + "0003", utc.format(day(17).atTime(4, 0).atZone(BERLIN)), "-2304.40",
                        "0.00", "-2304.40", "payout", payout(), "", "", ""));
        return ("balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,"
                + "source_id,description,customer_facing_amount,customer_facing_currency,automatic_payout_id,"
                + "customer_id,payment_metadata[order_id],payment_intent_id\n" + String.join("\n", rows) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    String stripeRow(String id, String created, String gross, String fee, String net, String category,
            String source, String intent, String invoice, String customer) {
        return String.join(",", id, created, created, "eur", gross, fee, net, category, source,
                invoice.isEmpty() ? "STRIPE PAYOUT" : "Invoice " + invoice, gross, "eur",
                category.equals("payout") ? "" : payout(), customer, invoice, intent);
    }

    /** One camt.053 entry: a credit from, or (negative) a debit to, {@code name}'s account; bank code Domn/Fmly/Sub. */
    record Entry(String ref, long minor, LocalDate day, String name, String iban, String text, String code) {
    }

    byte[] camt053() {
        List<Entry> entries = List.of(
                new Entry("E1", 118_500, day(7), "CAFE LUMIERE SARL", "FR1420041010050500013M02606",
                        ref(10) + " Cafe Lumiere", "PMNT/RCDT/ESCT"),
                new Entry("E2", 230_440, day(19), "STRIPE PAYMENTS EUROPE LTD", "IE64CITI99005111347117",
                        "STRIPE PAYOUT " + payout(), "PMNT/RCDT/ESCT"),
                new Entry("E3", 320_000, day(23), "MUELLER UND SOEHNE GMBH", "DE12500105170648489890",
                        "Rechnung vom " + day(10).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")), "PMNT/RCDT/ESCT"),
                new Entry("E4", -1_250, month.atEndOfMonth(), null, null, "Kontoführung", "PMNT/MDOP/CHRG"));
        long net = entries.stream().mapToLong(Entry::minor).sum();
        long opening = opening(4_825_000, net);
        long closing = opening + net;
        StringBuilder ntries = new StringBuilder();
        for (Entry e : entries) {
            boolean out = e.minor() < 0;
            String party = out ? "Cdtr" : "Dbtr";
            String[] c = e.code().split("/");
            String parties = e.name() == null ? "" : "<RltdPties><" + party + "><Pty><Nm>" + e.name() + "</Nm></Pty></"
                    + party + "><" + party + "Acct><Id><IBAN>" + e.iban() + "</IBAN></Id></" + party + "Acct></RltdPties>";
            ntries.append("""
                          <Ntry><NtryRef>%1$s</NtryRef><Amt Ccy="EUR">%2$s</Amt><CdtDbtInd>%3$s</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                            <BookgDt><Dt>%4$s</Dt></BookgDt><ValDt><Dt>%4$s</Dt></ValDt><AcctSvcrRef>DB%5$s-%1$s</AcctSvcrRef>
                            <BkTxCd><Domn><Cd>%6$s</Cd><Fmly><Cd>%7$s</Cd><SubFmlyCd>%8$s</SubFmlyCd></Fmly></Domn></BkTxCd>
                            <NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>%9$s<RmtInf><Ustrd>%10$s</Ustrd></RmtInf></TxDtls></NtryDtls>
                          </Ntry>
                    """.formatted(e.ref(), decimal(Math.abs(e.minor())), out ? "DBIT" : "CRDT", e.day(), tag,
                    c[0], c[1], c[2], parties, e.text()));
        }
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>DB-%1$s</MsgId><CreDtTm>%2$sT06:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>DB-STMT-%1$s</Id><ElctrncSeqNb>%3$d</ElctrncSeqNb>
                      <FrToDt><FrDtTm>%4$sT00:00:00</FrDtTm><ToDtTm>%5$sT23:59:59</ToDtTm></FrToDt>
                      <Acct><Id><IBAN>%6$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%7$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%4$s</Dt></Dt></Bal>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%8$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%5$s</Dt></Dt></Bal>
                %9$s    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(tag, month.plusMonths(1).atDay(1), month.getMonthValue(), month.atDay(1),
                month.atEndOfMonth(), EUR_IBAN, decimal(opening), decimal(closing), ntries);
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The balance the month's statement opens with: each month opens where the one before closed (every month moves
     * the account by the same {@code net}), so the statements of consecutive demo months chain as a bank's do.
     */
    long opening(long january2026, long net) {
        return january2026 + net * (month.getYear() * 12L + month.getMonthValue() - (2026 * 12L + 1));
    }

    byte[] mt940() {
        record Line(String ref, int day, long minor, String type, String text) {
        }
        List<Line> lines = List.of(
                new Line("C1", 16, 5_600_000, "NTRF", "货款 " + ref(6) + " 深圳前海星河科技有限公司"),
                new Line("C2", 18, 420_000, "NTRF", "货款 广州恒信商贸有限公司"),
                new Line("C3", 21, 1_260, "NINT", "活期存款结息"),
                new Line("C4", 22, 1_800_000, "NTRF", "货款 " + invoice7CollectionCode + " 深圳前海星河科技有限公司"),
                new Line("C5", 25, -3_500, "NCHG", "跨行汇款手续费"));
        long net = lines.stream().mapToLong(Line::minor).sum();
        long opening = opening(128_640_000, net);
        long closing = opening + net;
        DateTimeFormatter yymmdd = DateTimeFormatter.ofPattern("yyMMdd");
        StringBuilder text = new StringBuilder(":20:CMB" + tag + "\n:25:" + CNY_ACCOUNT.replace(" ", "") + "\n:28C:"
                + String.format("%05d", month.getMonthValue()) + "/001\n:60F:C" + month.atDay(1).format(yymmdd) + "CNY"
                + decimal(opening).replace('.', ',') + "\n");
        for (Line l : lines) {
            String date = day(l.day()).format(yymmdd);
            text.append(":61:").append(date).append(date.substring(2)).append(l.minor() < 0 ? "D" : "C")
                    .append(decimal(Math.abs(l.minor())).replace('.', ',')).append(l.type()).append("NONREF//CMB")
                    .append(tag).append("-").append(l.ref()).append("\n:86:").append(l.text()).append("\n");
        }
        text.append(":62F:C").append(month.atEndOfMonth().format(yymmdd)).append("CNY")
                .append(decimal(closing).replace('.', ',')).append("\n-\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    // --- supplier payments ------------------------------------------------------------------------------------------

    void payments() throws Exception {
        long approved = supplierPayment("cny", BANK_CNY, "15800.00", "CNY", "包装材料 " + tag + " 月结",
                Map.of("name", "苏州精工包装", "bankAccount", "6214830123456789", "bankCode", "308305006031",
                        "accountName", "苏州精工包装材料有限公司"));
        Answer order = send("GET", "/payments/" + approved, admin, null).expect(200);
        if ("pending_approval".equals(order.text("state"))) {
            send("POST", "/payments/" + approved + "/approvals", approver,
                    "{\"comment\": \"Checked against the delivery note\"}").expect(200);
        }
        supplierPayment("eur", BANK_EUR, "2480.00", "EUR", "Hamburg Print invoice HP-" + tag + "-311",
                Map.of("name", "Hamburg Print GmbH", "bankAccount", "DE75512108001245126199", "bankCode",
                        "HASPDEHHXXX"));
    }

    /** A supplier payment made by dev-admin, once: the Idempotency-Key names the month and the currency. */
    long supplierPayment(String key, String account, String amount, String currency, String reference,
            Map<String, String> beneficiary) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "supplier_payment");
        body.put("account", account);
        body.put("amount", amount);
        body.put("currency", currency);
        body.put("reference", reference);
        body.put("beneficiary", beneficiary);
        Answer answer = send("POST", "/payments", admin, "application/json",
                Map.of("Idempotency-Key", "demo-" + tag + "-supplier-" + key),
                json(body).getBytes(StandardCharsets.UTF_8)).expect(201, 200);
        if (!"true".equals(answer.header("Idempotent-Replayed"))) {
            added("payments", 1);
        }
        return answer.id();
    }

    // --- matching -----------------------------------------------------------------------------------------------------

    void run(String account) throws Exception {
        String body = "{\"account\":\"" + account + "\",\"from\":\"" + month.atDay(1) + "\",\"to\":\""
                + month.atEndOfMonth() + "\"}";
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Answer started = send("POST", "/matching/runs", admin, body);
        while (started.status == 409 && System.nanoTime() < deadline) {
            Thread.sleep(200); // a real-time run of the account is working: ours follows it
            started = send("POST", "/matching/runs", admin, body);
        }
        long id = started.expect(202).id();
        String state = "queued";
        while (System.nanoTime() < deadline) {
            state = send("GET", "/matching/runs/" + id, admin, null).expect(200).text("state");
            if (!state.equals("queued") && !state.equals("running")) {
                break;
            }
            Thread.sleep(100);
        }
        if (!state.equals("succeeded")) {
            throw new DemoFailed("the matching run " + id + " of " + account + " ended " + state);
        }
    }

    // --- what to look at ----------------------------------------------------------------------------------------------

    void guide(boolean changed) throws Exception {
        String from = month.atDay(1).toString(), to = month.atEndOfMonth().toString();
        String scope = company == null ? "" : "&company=" + url(company);
        String open = send("GET", "/exceptions?status=open&size=100" + scope, admin, null).expect(200).body;
        List<String> exceptions = new ArrayList<>();
        Matcher m = Pattern.compile("\"type\"\\s*:\\s*\"([a-z_]+)\"").matcher(open);
        while (m.find()) {
            exceptions.add(m.group(1));
        }
        System.out.println();
        System.out.println("  The demo company's " + month + " is in " + api + (changed ? "" : " (it was already: nothing added)"));
        added.forEach((what, n) -> {
            if (n > 0) {
                System.out.println("    " + what + " added: " + n);
            }
        });
        System.out.println("    open exceptions: " + exceptions);
        System.out.println();
        System.out.println("  Sign in at " + api + "/ (bin/dev's local sign-in page) as:");
        System.out.println("    dev-admin     admin + finance: the overview, customers, receivables, exceptions, reports");
        System.out.println("    dev-approver  approver + finance: approves the Hamburg Print GmbH payment dev-admin made");
        System.out.println();
        System.out.println("  Look first at:");
        System.out.println("    1. the overview: every account's balance, matched share and open exceptions");
        System.out.println("         GET /reports/overview?from=" + from + "&to=" + to + scope);
        System.out.println("    2. the exceptions: a transfer nobody can name at the yuan bank (claim it for a customer),");
        System.out.println("       and Café Lumière's invoice " + ref(10) + ", paid 15.00 EUR short");
        System.out.println("         GET /exceptions?status=open" + scope);
        System.out.println("    3. the approvals inbox as dev-approver: " + api + "/console/payments/approvals");
        System.out.println("    4. the euro bank's statement: the Stripe payout and the bank's fee, explained");
        System.out.println("         GET /statements?account=" + BANK_EUR);
        System.out.println("    5. the reconciliation statement of WeChat Pay, with its bill");
        System.out.println("         GET /reports/reconciliation?account=" + WECHAT + "&from=" + from + "&to=" + to);
        System.out.println("    6. the yuan bank's reconciliation statement (余额调节表) against the company's journal");
        System.out.println("         GET /reports/bank-reconciliation?account=" + BANK_CNY + "&date=" + to);
        System.out.println("  The API with a token: export TOKEN=$(cat .dev/admin.token); Swagger UI at " + api
                + "/q/swagger-ui");
    }

    // --- HTTP and small helpers -------------------------------------------------------------------------------------

    void added(String what, int n) {
        added.merge(what, n, Integer::sum);
    }

    long transactions() throws Exception {
        long total = 0;
        for (String account : List.of(ALIPAY, WECHAT, STRIPE)) {
            Answer list = send("GET", "/transactions?size=1&account=" + account + "&from=" + month.atDay(1) + "&to="
                    + month.plusMonths(1).atEndOfMonth(), admin, null).expect(200);
            total += Long.parseLong(list.text("total"));
        }
        return total;
    }

    record Answer(int status, String body, HttpHeaders headers, String what) {
        Answer expect(int... statuses) {
            for (int s : statuses) {
                if (status == s) {
                    return this;
                }
            }
            throw new DemoFailed(what + " answered " + status + ": " + body);
        }

        long id() {
            Matcher m = ID.matcher(body);
            if (!m.find()) {
                throw new DemoFailed(what + " answered without an id: " + body);
            }
            return Long.parseLong(m.group(1));
        }

        String text(String field) {
            Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"?([^\",}]*)").matcher(body);
            if (!m.find()) {
                throw new DemoFailed(what + " answered without " + field + ": " + body);
            }
            return m.group(1);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    static final class DemoFailed extends RuntimeException {
        DemoFailed(String message) {
            super(message);
        }
    }

    Answer send(String method, String path, String token, String json) throws Exception {
        return send(method, path, token, "application/json", Map.of(),
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    Answer send(String method, String path, String token, String contentType, Map<String, String> headers,
            byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new DemoFailed("no server answers at " + api + " (start it with bin/dev)");
        }
        if (response.statusCode() == 401) {
            throw new DemoFailed(method + " " + path + " answered 401: the server does not accept the demo's token "
                    + "(was it started by bin/dev from this checkout?)");
        }
        return new Answer(response.statusCode(), response.body(), response.headers(), method + " " + path);
    }

    Answer post(String path, Map<String, String> headers, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers(), "POST " + path);
    }

    static String sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(message);
        return Base64.getEncoder().encodeToString(rsa.sign());
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String decimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    /** JSON of maps, lists, strings, numbers and booleans: all the demo sends. */
    static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> json(e.getKey().toString()) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DemoCompany::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return out.append('"').toString();
        }
        return String.valueOf(value);
    }

    // --- the dev tokens -----------------------------------------------------------------------------------------------

    static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(pem).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** A bearer token as bin/dev mints it: issuer walletrecon, valid for an hour. */
    static String jwt(PrivateKey key, String subject, String groups) throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"walletrecon\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":[" + groups + "],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64.encodeToString(
                Base64.getDecoder().decode(sign(key, (header + "." + payload).getBytes(StandardCharsets.US_ASCII))));
    }
}
