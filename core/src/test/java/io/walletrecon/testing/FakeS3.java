package io.walletrecon.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A fake S3 on loopback (WireMock, path-style: {@code /<bucket>/<key>}) and the application configured to use it
 * with {@code walletrecon.storage.kind=s3} and static credentials. Tests stub and verify objects through
 * {@link #client()}, which talks to the server over HTTP, so it works from the test's class loader too.
 */
public class FakeS3 implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "walletrecon-test-docs";
    public static final String ACCESS_KEY_ID = "AKIDFAKES3TEST";
    public static final String SECRET_ACCESS_KEY = "fake-s3-secret-for-tests-only";
    public static final String REGION = "eu-central-1";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return Map.of("walletrecon.storage.kind", "s3",
                "walletrecon.storage.bucket", BUCKET,
                "walletrecon.storage.endpoint", server.baseUrl(),
                "walletrecon.storage.path-style", "true",
                "walletrecon.storage.region", REGION,
                "walletrecon.storage.access-key-id", ACCESS_KEY_ID,
                "walletrecon.storage.secret-access-key", SECRET_ACCESS_KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /**
     * The object bytes of a PutObject as S3 would store them. Over plain HTTP the SDK streams the body in
     * {@code aws-chunked} encoding with a CRC32 trailer; this decodes the chunks and checks the trailer's checksum.
     */
    public static byte[] uploadedBytes(LoggedRequest put) {
        byte[] body = put.getBody();
        if (!put.containsHeader("Content-Encoding") || !put.getHeader("Content-Encoding").contains("aws-chunked")) {
            return body;
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int i = 0;
        while (true) {
            int eol = indexOfCrlf(body, i);
            String header = new String(body, i, eol - i, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";", 2)[0], 16);
            i = eol + 2;
            if (size == 0) {
                break;
            }
            data.write(body, i, size);
            i += size + 2;
        }
        String trailers = new String(body, i, body.length - i, StandardCharsets.US_ASCII);
        String expected = trailers.lines().filter(l -> l.startsWith("x-amz-checksum-crc32:")).findFirst()
                .orElseThrow(() -> new AssertionError("no CRC32 trailer in " + trailers))
                .substring("x-amz-checksum-crc32:".length());
        byte[] bytes = data.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        String actual = Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        if (!actual.equals(expected)) {
            throw new AssertionError("CRC32 trailer " + expected + " does not match the uploaded bytes' " + actual);
        }
        if (Long.parseLong(put.getHeader("x-amz-decoded-content-length")) != bytes.length) {
            throw new AssertionError("x-amz-decoded-content-length " + put.getHeader("x-amz-decoded-content-length")
                    + " but " + bytes.length + " bytes");
        }
        return bytes;
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int j = from; j + 1 < b.length; j++) {
            if (b[j] == '\r' && b[j + 1] == '\n') {
                return j;
            }
        }
        throw new AssertionError("aws-chunked body ends without CRLF");
    }

    /** A client of the running fake, found through the application's configuration. */
    public static WireMock client() {
        URI endpoint = ConfigProvider.getConfig().getValue("walletrecon.storage.endpoint", URI.class);
        return new WireMock(endpoint.getHost(), endpoint.getPort());
    }
}
