package io.walletrecon.storage;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.walletrecon.reports.exports.S3ExportStorage;
import io.walletrecon.statements.S3ObjectStore;
import io.walletrecon.testing.FakeS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The S3 storages against a fake S3 on loopback (WireMock, path-style), with the real SDK client and presigner. */
class S3StorageTest {

    static final String BUCKET = "docs-test";
    static WireMockServer s3;
    static StorageConfig config;
    static S3Client client;
    static S3Presigner presigner;

    @BeforeAll
    static void start() {
        s3 = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        s3.start();
        config = new Config(URI.create(s3.baseUrl()));
        client = S3Clients.client(config);
        presigner = S3Clients.presigner(config);
    }

    @AfterAll
    static void stop() {
        client.close();
        presigner.close();
        s3.stop();
    }

    @BeforeEach
    void reset() {
        s3.resetAll();
    }

    @Test
    void objectStoreStreamsTheObjectsBytesSignedWithTheConfiguredCredentials() throws IOException {
        byte[] body = new byte[300_000];
        new Random(7).nextBytes(body);
        s3.stubFor(get(urlPathEqualTo("/" + BUCKET + "/statements/ACME/bill%202026-03.csv"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/csv").withBody(body)));

        try (InputStream in = new S3ObjectStore(client).open(BUCKET, "statements/ACME/bill 2026-03.csv")) {
            assertArrayEquals(body, in.readAllBytes());
        }
        s3.verify(1, getRequestedFor(urlPathEqualTo("/" + BUCKET + "/statements/ACME/bill%202026-03.csv"))
                .withHeader("Authorization", matching(
                        "AWS4-HMAC-SHA256 Credential=AKIDTEST/\\d{8}/eu-central-1/s3/aws4_request, .*Signature=[0-9a-f]{64}")));
    }

    @Test
    void aMissingObjectIsAFileNotFound() {
        s3.stubFor(get(urlPathEqualTo("/" + BUCKET + "/statements/ACME/gone.csv")).willReturn(aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "application/xml")
                .withBody(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>")));

        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> new S3ObjectStore(client).open(BUCKET, "statements/ACME/gone.csv"));
        assertEquals("no object s3://docs-test/statements/ACME/gone.csv", e.getMessage());
    }

    @Test
    void exportPutUploadsTheFileUnderExportsAndRemovesTheLocalCopy() throws IOException {
        assertPutOf("0b5a3c9e-1f0d-4c1e-9a57-3f4f1d2c8e11.csv",
                "date,amount\n2026-03-01,88.88\n2026-03-02,-12.00\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLargeExportIsUploadedInSeveralChunksIntact() throws IOException {
        byte[] big = new byte[700_000];
        new Random(11).nextBytes(big);
        assertPutOf("7d1e6f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6.csv", big);
    }

    private void assertPutOf(String key, byte[] csv) throws IOException {
        s3.stubFor(put(urlPathEqualTo("/" + BUCKET + "/exports/" + key))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"abc\"")));
        Path file = Files.createTempFile("export", ".csv");
        Files.write(file, csv);

        long size = new S3ExportStorage(client, presigner, BUCKET, "exports/").put(key, file, "text/csv");

        assertEquals(csv.length, size);
        assertFalse(Files.exists(file), "the local file is moved into storage");
        List<LoggedRequest> puts = s3.findAll(putRequestedFor(urlPathEqualTo("/" + BUCKET + "/exports/" + key))
                .withHeader("Content-Type", equalTo("text/csv")));
        assertEquals(1, puts.size());
        assertArrayEquals(csv, FakeS3.uploadedBytes(puts.get(0)));
    }

    @Test
    void exportLinkIsAPresignedGetOfTheObjectValidForTheTtl() {
        String key = "0b5a3c9e-1f0d-4c1e-9a57-3f4f1d2c8e11.xlsx";
        S3ExportStorage storage = new S3ExportStorage(client, presigner, BUCKET, "exports/");

        URI link = storage.link(key, Duration.ofMinutes(15)).orElseThrow();

        assertEquals(URI.create(s3.baseUrl()).getPort(), link.getPort());
        assertEquals("/" + BUCKET + "/exports/" + key, link.getPath());
        Map<String, String> q = query(link);
        assertEquals("900", q.get("X-Amz-Expires"));
        assertEquals("AWS4-HMAC-SHA256", q.get("X-Amz-Algorithm"));
        assertTrue(q.get("X-Amz-Credential").matches("AKIDTEST/\\d{8}/eu-central-1/s3/aws4_request"),
                q.get("X-Amz-Credential"));
        assertTrue(q.get("X-Amz-Signature").matches("[0-9a-f]{64}"), q.get("X-Amz-Signature"));
        assertEquals(Optional.empty(), storage.open(key),
                "clients download from the link, not through the application");
        s3.verify(0, getRequestedFor(urlPathEqualTo("/" + BUCKET + "/exports/" + key)));
    }

    @Test
    void differentTtlsSignDifferentLinks() {
        S3ExportStorage storage = new S3ExportStorage(client, presigner, BUCKET, "exports/");
        URI hour = storage.link("a.csv", Duration.ofHours(1)).orElseThrow();
        URI minute = storage.link("a.csv", Duration.ofMinutes(1)).orElseThrow();
        assertEquals("3600", query(hour).get("X-Amz-Expires"));
        assertEquals("60", query(minute).get("X-Amz-Expires"));
        assertFalse(query(hour).get("X-Amz-Signature").equals(query(minute).get("X-Amz-Signature")));
    }

    @Test
    void bankFilesGoToTheBucketUnderTheirPrefixWithoutEverReplacingOne() {
        String key = "/" + BUCKET + "/bank-out/pain001-ACME-20260302.xml";
        String temp = "/" + BUCKET + "/bank-out/.pain001-ACME-20260302.xml.part";
        s3.stubFor(head(urlPathEqualTo(key)).willReturn(aResponse().withStatus(404)));
        s3.stubFor(head(urlPathEqualTo(temp)).willReturn(aResponse().withStatus(404)));
        s3.stubFor(put(urlPathEqualTo(temp)).willReturn(aResponse().withStatus(200).withHeader("ETag", "\"t\"")));
        s3.stubFor(put(urlPathEqualTo(key)).withHeader("If-None-Match", equalTo("*"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"e\"")));
        BankFileOutbox outbox = new S3BankFileOutbox(client, BUCKET, "bank-out/");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document>付款 42</Document>";
        String sha = Sha256.hex(xml.getBytes(StandardCharsets.UTF_8));

        assertEquals(new BankFileOutbox.Seen(null, false), outbox.look("pain001-ACME-20260302.xml"));
        assertTrue(outbox.publish("pain001-ACME-20260302.xml", xml, sha));

        List<LoggedRequest> puts = s3
                .findAll(putRequestedFor(urlPathEqualTo(key)).withHeader("Content-Type", equalTo("application/xml")));
        assertEquals(1, puts.size());
        assertArrayEquals(xml.getBytes(StandardCharsets.UTF_8), FakeS3.uploadedBytes(puts.get(0)));
        assertEquals(sha, puts.get(0).getHeader("x-amz-meta-sha256"), "the content's SHA-256 travels with the object");
        assertEquals("s3://" + BUCKET + "/bank-out/", outbox.describe());

        s3.stubFor(put(urlPathEqualTo(key)).willReturn(aResponse().withStatus(412)
                .withBody(
                        "<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>")));
        s3.stubFor(
                head(urlPathEqualTo(key)).willReturn(aResponse().withStatus(200).withHeader("x-amz-meta-sha256", sha)));
        s3.stubFor(head(urlPathEqualTo(temp)).willReturn(aResponse().withStatus(200)));
        assertFalse(outbox.publish("pain001-ACME-20260302.xml", xml, sha), "a published file is never replaced");
        assertEquals(new BankFileOutbox.Seen(sha, true), outbox.look("pain001-ACME-20260302.xml"));
    }

    @Test
    void bankFilesGoIntoTheDirectoryWholeWithoutEverReplacingOne() throws IOException {
        Path dir = Files.createTempDirectory("bank-out-test").resolve("out");
        BankFileOutbox outbox = new FileSystemBankFileOutbox(dir);
        String sha = Sha256.hex("<Document>1</Document>".getBytes(StandardCharsets.UTF_8));
        assertEquals(new BankFileOutbox.Seen(null, false), outbox.look("a.xml"));

        assertTrue(outbox.publish("a.xml", "<Document>1</Document>", sha));
        assertEquals(new BankFileOutbox.Seen(sha, true), outbox.look("a.xml"));
        assertFalse(outbox.publish("a.xml", "<Document>2</Document>", "other"), "a published file is never replaced");
        assertEquals("<Document>1</Document>", Files.readString(dir.resolve("a.xml")));

        outbox.clean("a.xml");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("a.xml"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .forEach(p -> q.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        return q;
    }

    private record Config(URI endpointUri) implements StorageConfig {
        public Kind kind() {
            return Kind.S3;
        }
        public Optional<String> bucket() {
            return Optional.of(BUCKET);
        }
        public String exportsPrefix() {
            return "exports/";
        }
        public String bankFilesPrefix() {
            return "bank-out/";
        }
        public Optional<String> region() {
            return Optional.of("eu-central-1");
        }
        public Optional<URI> endpoint() {
            return Optional.of(endpointUri);
        }
        public boolean pathStyle() {
            return true;
        }
        public Optional<String> accessKeyId() {
            return Optional.of("AKIDTEST");
        }
        public Optional<String> secretAccessKey() {
            return Optional.of("test-secret");
        }
    }
}
